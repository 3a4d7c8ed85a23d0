package org.gridguard.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/** Reading values of native-query rows, whose timestamp type depends on the driver and column. */
public final class Rows {
    private Rows() {
    }

    /** The rows of a native query built with named parameters (a list's filters added one by one). */
    @SuppressWarnings("unchecked")
    public static List<Object[]> list(EntityManager em, CharSequence sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** A timestamptz column as an Instant (null stays null). */
    public static Instant instant(Object o) {
        if (o == null || o instanceof Instant) {
            return (Instant) o;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}

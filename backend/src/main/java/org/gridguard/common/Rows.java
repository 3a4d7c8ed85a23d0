package org.gridguard.common;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading values of native-query rows, whose timestamp type depends on the driver and column. */
public final class Rows {
    private Rows() {
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

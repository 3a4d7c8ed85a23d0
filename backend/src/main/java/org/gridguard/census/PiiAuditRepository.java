package org.gridguard.census;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;
import org.gridguard.security.Caller;
import org.gridguard.security.Jurisdiction;

/** Every query of {@code pii_audit}: who saw personal data in clear; read within the caller's communities. */
@ApplicationScoped
public class PiiAuditRepository {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    Jurisdiction jurisdiction;

    /** Records an access by the caller; {@code details} is JSON. */
    void insert(String action, String subjectType, UUID subjectId, UUID communityId, String[] fields, String reason,
            String details) {
        em.createNativeQuery("""
                insert into pii_audit (actor, actor_roles, action, subject_type, subject_id, community_id, fields, reason, details)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as text[]), ?8, cast(?9 as jsonb))""")
                .setParameter(1, caller.name()).setParameter(2, String.join(",", caller.roles()))
                .setParameter(3, action).setParameter(4, subjectType).setParameter(5, subjectId)
                .setParameter(6, communityId)
                .setParameter(7, fields)
                .setParameter(8, reason).setParameter(9, details).executeUpdate();
    }

    /**
     * The audit of the caller's communities, newest first, {@code limit} rows with ids below {@code after}
     * (null: from the newest): (id, at, actor, action, subject type, subject, community, fields, reason, details).
     */
    List<Object[]> page(UUID subjectId, Long after, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select id, at, actor, action, subject_type, subject_id, community_id, cast(fields as text[]), reason,
                  cast(details as text) from pii_audit where community_id = any(cast(:c as uuid[]))""");
        p.put("c", jurisdiction.communityIds().toArray(UUID[]::new));
        if (subjectId != null) {
            sql.append(" and subject_id = :s");
            p.put("s", subjectId);
        }
        if (after != null) {
            p.put("after", after);
            sql.append(" and id < :after");
        }
        sql.append(" order by id desc limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p);
    }
}

package org.gridguard.census;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.census.CensusViews.ExportApprovalStatus;
import org.gridguard.census.CensusViews.ExportApprovalView;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;

/**
 * Every query of {@code census_export_request}; read within the caller's communities (admins: all). State changes
 * are conditional updates, so two instances (or two clicks) never approve twice or download twice.
 */
@ApplicationScoped
public class ExportApprovalRepository {

    private static final String COLUMNS = """
            select id, community_id, area_id, kind, cast(fields as text[]), reason, people, status, requested_by,
              requested_at, decided_by, decided_at, decision_note, expires_at, downloaded_at
            from census_export_request""";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    void insert(UUID id, UUID communityId, UUID areaId, String[] fields, String reason, int people, String requestedBy,
            Instant at) {
        em.createNativeQuery("""
                insert into census_export_request (id, community_id, area_id, fields, reason, people, status,
                  requested_by, requested_at) values (?1, ?2, ?3, cast(?4 as text[]), ?5, ?6, 'PENDING', ?7, ?8)""")
                .setParameter(1, id).setParameter(2, communityId).setParameter(3, areaId).setParameter(4, fields)
                .setParameter(5, reason).setParameter(6, people).setParameter(7, requestedBy).setParameter(8, at)
                .executeUpdate();
    }

    /** A request in the caller's communities (admins: any), or empty. */
    Optional<ExportApprovalView> visible(UUID id) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where id = :id");
        p.put("id", id);
        scope(sql, p);
        return Rows.list(em, sql, p).stream().map(ExportApprovalRepository::view).findFirst();
    }

    /** The newest requests of the caller's communities, optionally of one status. */
    List<ExportApprovalView> list(ExportApprovalStatus status, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        scope(sql, p);
        if (status != null) {
            sql.append(" and status = :status");
            p.put("status", status.name());
        }
        sql.append(" order by requested_at desc, id limit :lim");
        p.put("lim", limit);
        return Rows.list(em, sql, p).stream().map(ExportApprovalRepository::view).toList();
    }

    private void scope(StringBuilder sql, Map<String, Object> p) {
        if (!jurisdiction.isGlobal()) {
            sql.append(" and community_id = any(cast(:c as uuid[]))");
            p.put("c", jurisdiction.communityIds().toArray(UUID[]::new));
        }
    }

    /** PENDING → APPROVED or REJECTED by someone else than the requester; false when it was not PENDING. */
    boolean decide(UUID id, ExportApprovalStatus to, String by, Instant at, String note, Instant expiresAt) {
        return em.createNativeQuery("""
                update census_export_request set status = ?2, decided_by = ?3, decided_at = ?4, decision_note = ?5,
                  expires_at = ?6 where id = ?1 and status = 'PENDING' and requested_by <> ?3""")
                .setParameter(1, id).setParameter(2, to.name()).setParameter(3, by).setParameter(4, at)
                .setParameter(5, note).setParameter(6, expiresAt).executeUpdate() == 1;
    }

    /** APPROVED and not expired → DOWNLOADED, for the requester only; false otherwise. */
    boolean markDownloaded(UUID id, String requester, Instant at) {
        return em.createNativeQuery("""
                update census_export_request set status = 'DOWNLOADED', downloaded_at = ?3
                where id = ?1 and requested_by = ?2 and status = 'APPROVED' and expires_at > ?3""")
                .setParameter(1, id).setParameter(2, requester).setParameter(3, at).executeUpdate() == 1;
    }

    static ExportApprovalView view(Object[] r) {
        return new ExportApprovalView((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                Arrays.asList((String[]) r[4]), (String) r[5], ((Number) r[6]).intValue(),
                ExportApprovalStatus.valueOf((String) r[7]), (String) r[8], Rows.instant(r[9]), (String) r[10],
                Rows.instant(r[11]), (String) r[12], Rows.instant(r[13]), Rows.instant(r[14]));
    }
}

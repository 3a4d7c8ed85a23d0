package org.gridguard.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.census.CensusPeople;
import org.gridguard.common.Cursor;
import org.gridguard.common.Rows;
import org.gridguard.testing.TestingViews.ExemptionKind;
import org.gridguard.testing.TestingViews.ExemptionView;
import org.gridguard.testing.TestingViews.NewExemption;

/**
 * Every query of exemptions (test_exemption), with the caller's reach applied to the resident's grid cell
 * ({@link RoundRepository#cellFilter}).
 */
@ApplicationScoped
public class ExemptionRepository {

    @Inject
    EntityManager em;
    @Inject
    RoundRepository rounds;

    /** The exemption of resident {@code res}; 0 if one with this id or for this resident exists. */
    int insert(UUID id, UUID roundId, CensusPeople.ResidentPlace res, NewExemption req, String by, Instant now) {
        return em.createNativeQuery("""
                insert into test_exemption (id, round_id, resident_id, community_id, grid_cell_id, household_id, kind,
                  reason, granted_by, granted_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict do nothing""")
                .setParameter(1, id).setParameter(2, roundId).setParameter(3, res.id()).setParameter(4, res.communityId())
                .setParameter(5, res.gridCellId()).setParameter(6, res.householdId()).setParameter(7, req.kind().name())
                .setParameter(8, req.reason().trim()).setParameter(9, by).setParameter(10, now)
                .executeUpdate();
    }

    /** Deletes the exemption if it is in the caller's cells; the resident it exempted, or none. */
    List<UUID> delete(UUID roundId, UUID exemptionId) {
        Map<String, Object> p = new HashMap<>();
        String sql = "delete from test_exemption e where e.round_id = :r and e.id = :id"
                + rounds.cellFilter("e.grid_cell_id", p) + " returning e.resident_id";
        p.put("r", roundId);
        p.put("id", exemptionId);
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> people = q.getResultList();
        return people;
    }

    /** A page of a round's exemptions in the caller's cells, by id after cursor {@code c}. */
    List<ExemptionView> page(UUID roundId, UUID residentId, ExemptionKind kind, List<String> c, int lim) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select e.id, e.round_id, e.resident_id, r.name, e.household_id, e.grid_cell_id, e.kind, e.reason,
                  e.granted_by, e.granted_at from test_exemption e join census_resident r on r.id = e.resident_id
                where e.round_id = :round""");
        p.put("round", roundId);
        sql.append(rounds.cellFilter("e.grid_cell_id", p));
        if (residentId != null) {
            sql.append(" and e.resident_id = :res");
            p.put("res", residentId);
        }
        if (kind != null) {
            sql.append(" and e.kind = :kind");
            p.put("kind", kind.name());
        }
        if (c != null) {
            sql.append(" and e.id > :after");
            p.put("after", Cursor.uuid(c.get(0)));
        }
        sql.append(" order by e.id limit :lim");
        p.put("lim", lim + 1);
        List<Object[]> rows = Rows.list(em, sql, p);
        return rows.stream().map(x -> new ExemptionView((UUID) x[0], (UUID) x[1], (UUID) x[2],
                (String) x[3], (UUID) x[4], (UUID) x[5], ExemptionKind.valueOf((String) x[6]), (String) x[7],
                (String) x[8], Rows.instant(x[9]))).toList();
    }
}

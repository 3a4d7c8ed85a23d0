package org.gridguard.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Cursor;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;

/**
 * The queries of a bad pool's follow-up ({@link PoolFollowUp}): the flagged households and buildings (test_flag),
 * the pools' results and places, and the follow-up list in the caller's cells. Re-test tasks are
 * {@link TaskRepository}'s.
 */
@ApplicationScoped
public class FollowUpRepository {

    /**
     * The pools of round ?1 that came back positive or invalid at least once: the result history has an index of its
     * own for them, so test_tube keeps result out of its indexes and a lab result updates a tube in place (V10).
     */
    static final String BAD_SO_FAR = "select h.tube_id from test_tube_result h where h.round_id = ?1"
            + " and h.result in ('POSITIVE','INVALID')";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** The households and buildings of these pools' members flagged (once each). */
    void flag(UUID roundId, UUID[] tubes, Instant now) {
        em.createNativeQuery("""
                insert into test_flag (round_id, subject_type, subject_id, community_id, grid_cell_id, tube_id, flagged_at)
                select distinct on (h.id) ?1, 'HOUSEHOLD', h.id, h.community_id, h.grid_cell_id, s.tube_id, ?3
                from test_sample s join census_household h on h.id = s.household_id where s.tube_id = any(cast(?2 as uuid[]))
                order by h.id, s.tube_id
                on conflict do nothing""").setParameter(1, roundId).setParameter(2, tubes).setParameter(3, now)
                .executeUpdate();
        em.createNativeQuery("""
                insert into test_flag (round_id, subject_type, subject_id, community_id, grid_cell_id, tube_id, flagged_at)
                select distinct on (h.building_id) ?1, 'BUILDING', h.building_id, h.community_id, h.grid_cell_id, s.tube_id, ?3
                from test_sample s join census_household h on h.id = s.household_id
                where s.tube_id = any(cast(?2 as uuid[])) and h.building_id is not null
                order by h.building_id, s.tube_id
                on conflict do nothing""").setParameter(1, roundId).setParameter(2, tubes).setParameter(3, now)
                .executeUpdate();
    }

    void unflag(UUID roundId, UUID[] tubes) {
        em.createNativeQuery("delete from test_flag where round_id = ?1 and tube_id = any(cast(?2 as uuid[]))")
                .setParameter(1, roundId).setParameter(2, tubes).executeUpdate();
    }

    /** The pools of the round that are positive or invalid now and were so before. */
    @SuppressWarnings("unchecked")
    List<UUID> stillBad(UUID roundId) {
        return em.createNativeQuery(
                "select id from test_tube where round_id = ?1 and result in ('POSITIVE','INVALID') and id in ("
                        + BAD_SO_FAR + ")")
                .setParameter(1, roundId).getResultList();
    }

    /**
     * Pools turned bad: id, barcode, result, tested at, members, area (cell or place), its path, community, and the
     * grid cells its members were sampled in (comma-separated; a central site's pool may hold several, ADR 0028).
     */
    @SuppressWarnings("unchecked")
    List<Object[]> turnedBad(UUID[] tubes) {
        return em.createNativeQuery("""
                select t.id, t.barcode, t.result, t.tested_at, t.members, coalesce(t.grid_cell_id, t.area_id, t.community_id),
                  (select path from area_node where id = coalesce(t.grid_cell_id, t.area_id, t.community_id)), t.community_id,
                  (select string_agg(distinct cast(s.grid_cell_id as text), ',') from test_sample s
                    where s.tube_id = t.id and s.grid_cell_id is not null)
                from test_tube t where t.id = any(cast(?1 as uuid[]))""").setParameter(1, tubes).getResultList();
    }

    /** Pools cleared: id, community, path of the area (cell or place), barcode, result. */
    @SuppressWarnings("unchecked")
    List<Object[]> cleared(UUID[] tubes) {
        return em.createNativeQuery("""
                select t.id, t.community_id, (select path from area_node where id = coalesce(t.grid_cell_id, t.area_id, t.community_id)),
                       t.barcode, t.result
                from test_tube t where t.id = any(cast(?1 as uuid[]))""").setParameter(1, tubes).getResultList();
    }

    /**
     * Positive and invalid pools of a round with a member in the caller's reach, newest result first, after cursor
     * {@code c} (ADR 0028): the households and buildings flagged that the caller reaches (none for an agency: results,
     * not people), and how many members are out of reach. {@code people} is false for an agency.
     */
    List<Object[]> pools(UUID roundId, List<String> c, int lim, boolean people) {
        Map<String, Object> p = new HashMap<>();
        boolean global = jurisdiction.isGlobal();
        String reached = global ? "true" : "%s like any(cast(:jur as text[]))";
        String flagged = !people ? "false" : reached.formatted("n.path");
        StringBuilder sql = new StringBuilder("""
                select t.id, t.round_id, t.barcode, t.result, t.tested_at, t.grid_cell_id, t.members,
                  (select count(*) from test_task k where k.tube_id = t.id and k.kind = 'RETEST' and k.status <> 'CANCELLED'),
                  (select count(*) from test_task k where k.tube_id = t.id and k.kind = 'RETEST' and k.status = 'DONE'),
                  t.result_at,
                  cast(array(select f.subject_id from test_flag f join census_household h on h.id = f.subject_id
                    join area_node n on n.id = h.area_id where f.tube_id = t.id and f.subject_type = 'HOUSEHOLD' and %1$s
                    order by f.subject_id) as text[]),
                  cast(array(select f.subject_id from test_flag f join area_node n on n.id = f.subject_id
                    where f.tube_id = t.id and f.subject_type = 'BUILDING' and %1$s order by f.subject_id) as text[]),
                  (select count(*) from %2$s m where m.tube_id = t.id and not coalesce(%3$s, false))
                from test_tube t where t.round_id = :r and t.result in ('POSITIVE','INVALID')
                  and t.id in (""".formatted(flagged, TubeRepository.MEMBER_PLACES,
                people ? reached.formatted("m.place") : "false")
                + BAD_SO_FAR.replace("?1", ":r") + ")");
        p.put("r", roundId);
        if (!global) {
            // a central site's pool is listed for every cell it holds people of
            sql.append(" and exists (select 1 from " + TubeRepository.MEMBER_PLACES + " m where m.tube_id = t.id and "
                    + reached.formatted("m.place") + ")");
            p.put("jur", jurisdiction.likePatterns());
        }
        if (c != null) {
            sql.append(" and (t.result_at, t.id) < (:at, :id)");
            p.put("at", Cursor.instant(c.get(0)));
            p.put("id", Cursor.uuid(c.get(1)));
        }
        sql.append(" order by t.result_at desc, t.id desc limit :lim");
        p.put("lim", lim + 1);
        return Rows.list(em, sql, p);
    }
}

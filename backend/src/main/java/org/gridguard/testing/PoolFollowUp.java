package org.gridguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.Alerts;
import org.gridguard.common.ChangeLog;
import org.gridguard.common.Cursor;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;
import org.gridguard.webhook.WebhookOutbox;
import org.gridguard.testing.TestingViews.PositivePool;
import org.gridguard.testing.TestingViews.Result;

/**
 * What a positive or invalid pool sets off, in the lab's transaction: one urgent individual re-test task (单采)
 * per member in their household's cell, the households and buildings flagged, a POSITIVE_POOL alert for the
 * cell's leaders, the tube in the delta feed, and the webhook event. Replays and corrections never make a
 * second task: a correction to negative cancels the open ones, a later positive reopens them.
 */
@ApplicationScoped
public class PoolFollowUp {

    /** Delta-feed entity of tubes whose result turned positive/invalid or was corrected. */
    public static final String ENTITY = "TEST_TUBE";
    public static final String EVENT_POSITIVE = TestingEvents.POSITIVE_POOL;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Alerts alerts;
    @Inject
    ChangeLog changes;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;
    @Inject
    WebhookOutbox outbox;

    /**
     * The pools of round ?1 that came back positive or invalid at least once: the result history has an index of its
     * own for them, so test_tube keeps result out of its indexes and a lab result updates a tube in place (V10).
     */
    static final String BAD_SO_FAR = "select h.tube_id from test_tube_result h where h.round_id = ?1"
            + " and h.result in ('POSITIVE','INVALID')";

    void positive(Round r, List<UUID> tubes, String actor) {
        Instant now = clock.instant();
        UUID[] ids = tubes.toArray(UUID[]::new);
        em.createNativeQuery("""
                insert into test_task (id, round_id, community_id, grid_cell_id, household_id, kind, resident_id, tube_id,
                  urgent, status, assignees, source, created_at, updated_at)
                select gen_random_uuid(), ?1, s.community_id, s.grid_cell_id, s.household_id, 'RETEST', s.resident_id,
                  s.tube_id, true, 'OPEN', coalesce((select array_agg(distinct a.principal order by a.principal)
                    from assignment a where a.node_id = s.grid_cell_id and a.role = 'grid-worker'), '{}'), 'POOL', ?3, ?3
                from (select distinct on (resident_id) * from test_sample
                      where tube_id = any(cast(?2 as uuid[])) and resident_id is not null
                      order by resident_id, sampled_at) s
                on conflict (round_id, resident_id) where kind = 'RETEST' do update
                  set status = 'OPEN', tube_id = excluded.tube_id, updated_at = excluded.updated_at,
                      version = test_task.version + 1
                  where test_task.status = 'CANCELLED'""")
                .setParameter(1, r.id()).setParameter(2, ids).setParameter(3, now).executeUpdate();
        flag(r, ids, now);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.id, t.barcode, t.result, t.tested_at, t.members, coalesce(t.grid_cell_id, t.area_id, t.community_id),
                  (select path from area_node where id = coalesce(t.grid_cell_id, t.area_id, t.community_id)), t.community_id
                from test_tube t where t.id = any(cast(?1 as uuid[]))""").setParameter(1, ids).getResultList();
        List<Alerts.Raise> raises = new ArrayList<>();
        for (Object[] t : rows) {
            UUID tube = (UUID) t[0];
            UUID area = (UUID) t[5];
            String path = (String) t[6];
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("roundId", r.id().toString());
            details.put("roundName", r.name());
            details.put("tubeId", tube.toString());
            details.put("barcode", t[1]);
            details.put("result", t[2]);
            details.put("members", ((Number) t[4]).intValue());
            if (area != null) {
                raises.add(new Alerts.Raise(TestingAlerts.POSITIVE_POOL, "TEST_TUBE", tube,
                        "混采管 " + t[1] + " " + t[2], area, "tube:" + tube, details));
            }
            changes.record(ENTITY, tube, (UUID) t[7], path, ChangeLog.Op.UPSERT);
            Map<String, Object> payload = new LinkedHashMap<>(details);
            payload.put("testedAt", String.valueOf(Rows.instant(t[3])));
            payload.put("gridCellId", area == null ? null : area.toString());
            if (path != null) {
                publish(EVENT_POSITIVE, path, payload);
            }
        }
        alerts.raiseAll(raises, actor); // one set-based statement for the whole batch's pools (ADR 0016)
    }

    /** The single call site of the webhook outbox for this feature: queued in this transaction (ADR 0011). */
    void publish(String event, String areaPath, Map<String, Object> payload) {
        outbox.enqueue(event, areaPath, payload);
    }

    void cleared(Round r, List<UUID> tubes, String actor) {
        Instant now = clock.instant();
        UUID[] ids = tubes.toArray(UUID[]::new);
        em.createNativeQuery("""
                update test_task set status = 'CANCELLED', updated_at = ?3, version = version + 1
                where round_id = ?1 and tube_id = any(cast(?2 as uuid[])) and kind = 'RETEST' and status = 'OPEN'""")
                .setParameter(1, r.id()).setParameter(2, ids).setParameter(3, now).executeUpdate();
        em.createNativeQuery("delete from test_flag where round_id = ?1 and tube_id = any(cast(?2 as uuid[]))")
                .setParameter(1, r.id()).setParameter(2, ids).executeUpdate();
        // households still in another bad pool stay flagged
        @SuppressWarnings("unchecked")
        List<UUID> stillBad = em.createNativeQuery(
                "select id from test_tube where round_id = ?1 and result in ('POSITIVE','INVALID') and id in ("
                        + BAD_SO_FAR + ")")
                .setParameter(1, r.id()).getResultList();
        if (!stillBad.isEmpty()) {
            flag(r, stillBad.toArray(UUID[]::new), now);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select t.id, t.community_id, (select path from area_node where id = coalesce(t.grid_cell_id, t.area_id, t.community_id)),
                       t.barcode, t.result
                from test_tube t where t.id = any(cast(?1 as uuid[]))""").setParameter(1, ids).getResultList();
        for (Object[] t : rows) {
            changes.record(ENTITY, (UUID) t[0], (UUID) t[1], (String) t[2], ChangeLog.Op.UPSERT);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("roundId", r.id().toString());
            payload.put("tubeId", t[0].toString());
            payload.put("barcode", t[3]);
            payload.put("result", t[4]);
            publish(TestingEvents.POOL_CLEARED, (String) t[2], payload);
        }
    }

    private void flag(Round r, UUID[] tubes, Instant now) {
        em.createNativeQuery("""
                insert into test_flag (round_id, subject_type, subject_id, community_id, grid_cell_id, tube_id, flagged_at)
                select distinct on (h.id) ?1, 'HOUSEHOLD', h.id, h.community_id, h.grid_cell_id, s.tube_id, ?3
                from test_sample s join household h on h.id = s.household_id where s.tube_id = any(cast(?2 as uuid[]))
                order by h.id, s.tube_id
                on conflict do nothing""").setParameter(1, r.id()).setParameter(2, tubes).setParameter(3, now)
                .executeUpdate();
        em.createNativeQuery("""
                insert into test_flag (round_id, subject_type, subject_id, community_id, grid_cell_id, tube_id, flagged_at)
                select distinct on (h.building_id) ?1, 'BUILDING', h.building_id, h.community_id, h.grid_cell_id, s.tube_id, ?3
                from test_sample s join household h on h.id = s.household_id
                where s.tube_id = any(cast(?2 as uuid[])) and h.building_id is not null
                order by h.building_id, s.tube_id
                on conflict do nothing""").setParameter(1, r.id()).setParameter(2, tubes).setParameter(3, now)
                .executeUpdate();
    }

    // ---------- the follow-up list ----------

    /** Positive and invalid pools of a round in the caller's cells, newest result first. */
    @Transactional
    public Page<PositivePool> pools(UUID roundId, String cursor, Integer limit) {
        rounds.visible(roundId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 2);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select t.id, t.round_id, t.barcode, t.result, t.tested_at, t.grid_cell_id, t.members,
                  (select count(*) from test_task k where k.tube_id = t.id and k.kind = 'RETEST' and k.status <> 'CANCELLED'),
                  (select count(*) from test_task k where k.tube_id = t.id and k.kind = 'RETEST' and k.status = 'DONE'),
                  t.result_at,
                  cast(array(select subject_id from test_flag f where f.tube_id = t.id and f.subject_type = 'HOUSEHOLD') as text[]),
                  cast(array(select subject_id from test_flag f where f.tube_id = t.id and f.subject_type = 'BUILDING') as text[])
                from test_tube t where t.round_id = :r and t.result in ('POSITIVE','INVALID')
                  and t.id in (""" + BAD_SO_FAR.replace("?1", ":r") + ")");
        p.put("r", roundId);
        if (!jurisdiction.isGlobal()) {
            sql.append(" and coalesce(t.grid_cell_id, t.area_id) in (select id from area_node where path like any(cast(:jur as text[])))");
            p.put("jur", jurisdiction.likePatterns());
        }
        if (c != null) {
            sql.append(" and (t.result_at, t.id) < (:at, :id)");
            p.put("at", Cursor.instant(c.get(0)));
            p.put("id", Cursor.uuid(c.get(1)));
        }
        sql.append(" order by t.result_at desc, t.id desc limit :lim");
        p.put("lim", lim + 1);
        List<Object[]> rows = Rows.list(em, sql, p);
        List<PositivePool> out = new ArrayList<>();
        for (Object[] x : rows) {
            out.add(new PositivePool((UUID) x[0], (UUID) x[1], (String) x[2], Result.valueOf((String) x[3]),
                    Rows.instant(x[4]), (UUID) x[5], ((Number) x[6]).intValue(), ((Number) x[7]).intValue(),
                    ((Number) x[8]).intValue(), Rows.instant(x[9]), Round.uuids(x[10]), Round.uuids(x[11])));
        }
        return Page.of(out, lim, v -> Cursor.encode(v.updatedAt().toString(), v.tubeId().toString()));
    }
}

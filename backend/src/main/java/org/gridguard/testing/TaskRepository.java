package org.gridguard.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Cursor;
import org.gridguard.common.Rows;
import org.gridguard.testing.TestingViews.TaskKind;
import org.gridguard.testing.TestingViews.TaskPerson;
import org.gridguard.testing.TestingViews.TaskStatus;

/**
 * Every query of the worklist (test_task): door-to-door visits listed when a round opens or added by hand,
 * re-tests set off by a bad pool, outcomes. Reads apply the caller's reach to the task's grid cell
 * ({@link RoundRepository#cellFilter}).
 */
@ApplicationScoped
public class TaskRepository {

    /**
     * One door-to-door task per household in scope with a bed-ridden, quarantined (contacts) or red-coded resident
     * not exempted. Parameters: 1 round id, 2 communities, 3 scope LIKE patterns, 4 now, 5 {@link RoundService#AT_HOME}.
     */
    public static final String AT_HOME_SQL = """
                insert into test_task (id, round_id, community_id, grid_cell_id, household_id, kind, resident_ids,
                  urgent, status, assignees, source, created_at, updated_at)
                select gen_random_uuid(), ?1, h.community_id, h.grid_cell_id, h.id, 'DOOR_TO_DOOR', array_agg(r.id order by r.id),
                  false, 'OPEN', coalesce((select array_agg(distinct a.principal order by a.principal) from assignment a
                    where a.node_id = h.grid_cell_id and a.role = 'grid-worker'), '{}'), 'AUTO', ?4, ?4
                from census_resident r join census_household h on h.id = r.household_id
                where r.community_id = any(cast(?2 as uuid[])) and r.status = 'LIVING'
                  and r.area_id in (select id from area_node where path like any(cast(?3 as text[])))
                  and (r.categories && cast(?5 as text[]) or r.health_code = 'RED')
                  and not exists (select 1 from test_exemption e where e.round_id = ?1 and e.resident_id = r.id)
                group by h.id, h.community_id, h.grid_cell_id
                on conflict (round_id, household_id) where kind = 'DOOR_TO_DOOR' do nothing""";

    @Inject
    EntityManager em;
    @Inject
    RoundRepository rounds;

    /** Filters of a task list; all optional. */
    record Filter(TaskKind kind, TaskStatus status, UUID cellId, UUID householdId, UUID taskId) {
    }

    /** One door-to-door task per household with a bed-ridden, quarantined (contacts) or red-coded resident. */
    int listAtHome(Round r, Instant now) {
        return em.createNativeQuery(AT_HOME_SQL)
                .setParameter(1, r.id()).setParameter(2, r.communities()).setParameter(3, r.patterns())
                .setParameter(4, now).setParameter(5, RoundService.AT_HOME).executeUpdate();
    }

    /** A door-to-door visit of household {@code householdId} added by hand; 0 if it is already listed. */
    int addVisit(UUID id, UUID roundId, UUID householdId, String by, Instant now) {
        return em.createNativeQuery("""
                insert into test_task (id, round_id, community_id, grid_cell_id, household_id, kind, resident_ids, urgent,
                  status, assignees, source, created_at, updated_at)
                select ?1, ?2, h.community_id, h.grid_cell_id, h.id, 'DOOR_TO_DOOR',
                  coalesce((select array_agg(r.id order by r.id) from census_resident r where r.household_id = h.id and r.status = 'LIVING'), '{}'),
                  false, 'OPEN', coalesce((select array_agg(distinct a.principal order by a.principal) from assignment a
                    where a.node_id = h.grid_cell_id and a.role = 'grid-worker'), '{}'), ?3, ?4, ?4
                from census_household h where h.id = ?5
                on conflict (round_id, household_id) where kind = 'DOOR_TO_DOOR' do nothing""")
                .setParameter(1, id).setParameter(2, roundId).setParameter(3, "BY:" + by).setParameter(4, now)
                .setParameter(5, householdId).executeUpdate();
    }

    void outcome(UUID taskId, TaskStatus status, String reason, String by, Instant now) {
        em.createNativeQuery("""
                update test_task set status = ?2, failure_reason = ?3, done_by = ?4, done_at = ?5, updated_at = ?5,
                  version = version + 1 where id = ?1""")
                .setParameter(1, taskId).setParameter(2, status.name()).setParameter(3, reason)
                .setParameter(4, by).setParameter(5, now).executeUpdate();
    }

    /** One urgent re-test (单采) per member of these bad pools; a cancelled one reopens, never a second. */
    void retest(UUID roundId, UUID[] tubes, Instant now) {
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
                .setParameter(1, roundId).setParameter(2, tubes).setParameter(3, now).executeUpdate();
    }

    /** The open re-tests of pools cleared by a correction are cancelled. */
    void cancelRetests(UUID roundId, UUID[] tubes, Instant now) {
        em.createNativeQuery("""
                update test_task set status = 'CANCELLED', updated_at = ?3, version = version + 1
                where round_id = ?1 and tube_id = any(cast(?2 as uuid[])) and kind = 'RETEST' and status = 'OPEN'""")
                .setParameter(1, roundId).setParameter(2, tubes).setParameter(3, now).executeUpdate();
    }

    /**
     * A page of a round's tasks in the caller's cells, urgent first, then by building and door, as a worker walks
     * them. Cursor {@code c}: urgency (0/1), building code, door number, id.
     */
    List<Object[]> page(UUID roundId, Filter f, List<String> c, int lim) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select t.id, t.round_id, t.kind, t.household_id, h.door_number, b.name, t.grid_cell_id,
                  cast(case when t.kind = 'RETEST' then array[t.resident_id] else t.resident_ids end as text[]), t.tube_id,
                  t.urgent, t.status, t.failure_reason, t.assignees, t.source, t.done_by, t.done_at, t.version, t.created_at, coalesce(b.code, '')
                from test_task t join census_household h on h.id = t.household_id left join area_node b on b.id = h.building_id
                where t.round_id = :round""");
        p.put("round", roundId);
        sql.append(rounds.cellFilter("t.grid_cell_id", p));
        filter(f, sql, p);
        // urgent first, then by building and door, as a worker walks them
        if (c != null) {
            sql.append(" and (case when t.urgent then 0 else 1 end, coalesce(b.code, ''), h.door_number, t.id)"
                    + " > (cast(:c0 as int), :c1, :c2, :c3)");
            p.put("c0", "0".equals(c.get(0)) ? 0 : 1);
            p.put("c1", c.get(1));
            p.put("c2", c.get(2));
            p.put("c3", Cursor.uuid(c.get(3)));
        }
        sql.append(" order by case when t.urgent then 0 else 1 end, coalesce(b.code, ''), h.door_number, t.id limit :lim");
        p.put("lim", lim + 1);
        return Rows.list(em, sql, p);
    }

    private static void filter(Filter f, StringBuilder sql, Map<String, Object> p) {
        if (f.kind() != null) {
            sql.append(" and t.kind = :kind");
            p.put("kind", f.kind().name());
        }
        if (f.status() != null) {
            sql.append(" and t.status = :status");
            p.put("status", f.status().name());
        }
        if (f.cellId() != null) {
            sql.append(" and t.grid_cell_id = :cell");
            p.put("cell", f.cellId());
        }
        if (f.householdId() != null) {
            sql.append(" and t.household_id = :hh");
            p.put("hh", f.householdId());
        }
        if (f.taskId() != null) {
            sql.append(" and t.id = :tid");
            p.put("tid", f.taskId());
        }
    }

    /** The people a page of tasks names, by id. */
    Map<UUID, TaskPerson> people(Collection<UUID> people) {
        Map<UUID, TaskPerson> names = new LinkedHashMap<>();
        if (!people.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> ps = em.createNativeQuery("select id, name, categories from census_resident where id = any(cast(?1 as uuid[]))")
                    .setParameter(1, people.toArray(UUID[]::new)).getResultList();
            for (Object[] x : ps) {
                names.put((UUID) x[0], new TaskPerson((UUID) x[0], (String) x[1], Round.strings(x[2])));
            }
        }
        return names;
    }
}

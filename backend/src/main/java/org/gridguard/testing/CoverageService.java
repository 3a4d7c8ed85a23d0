package org.gridguard.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.common.Jdbc;
import org.gridguard.common.OnceOnly;
import org.gridguard.common.Page;
import org.gridguard.common.Rows;
import org.gridguard.security.Jurisdiction;
import org.gridguard.testing.RoundService.Area;
import org.gridguard.testing.TestingViews.Coverage;
import org.gridguard.testing.TestingViews.CoverageRow;
import org.gridguard.testing.TestingViews.Figures;
import org.gridguard.testing.TestingViews.Level;
import org.gridguard.testing.TestingViews.Metrics;
import org.gridguard.testing.TestingViews.MissingPerson;
import org.gridguard.testing.TestingViews.PreviousRound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;

/**
 * "Miss no one": coverage of a round at any level. Every living resident of the round's scope has a stored state
 * (cell, compound, building, exempt, sampled, make-up, latest result); building and cell rows are the sums of those
 * states. A write queues what it touched (a sample or exemption: the person; a lab result: the tube; a new round:
 * its cells) and once-only scheduled work recounts only those every second, adding the differences (ADR 0019); a census
 * check also recounts the people whose census data no longer match their state, a few cells per refresh. Grid cells and everything
 * above read the cell rows, compounds and buildings the building rows; households inside one cell are counted live.
 * See ADRs 0010, 0018 and 0019.
 */
@ApplicationScoped
public class CoverageService {

    static final String JOB = "testing-coverage";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    OnceOnly onceOnly;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;
    @Inject
    RoundService roundService;
    @Inject
    Jdbc jdbc;

    /** How often the rollup is refreshed; "off" in the test profile, where tests refresh it themselves. */
    @ConfigProperty(name = "gridguard.testing.coverage-every", defaultValue = "1s")
    String every;

    @ConfigProperty(name = "gridguard.testing.coverage-census-every", defaultValue = "60s")
    Duration fullEvery;

    // ---------- the rollup ----------

    /**
     * How a write queues something: a new row, or an existing one made unclaimed again. A refresh claims rows by
     * stamping them and deletes only the rows still carrying its stamp when it commits, so a write made while they
     * are being recounted leaves them queued for the next refresh, and rows claimed by a refresh that died are claimed
     * again once their stamp is old (ADRs 0015, 0019).
     */
    static String again(String key) {
        return "on conflict (round_id, " + key + ") do update set claimed_at = null where d.claimed_at is not null";
    }

    /**
     * How a write queues a person: with the new sample that queued them (or null); queued a second time before a
     * refresh, they are counted again whole, since their one new sample is no longer all that changed.
     */
    static final String AGAIN_PERSON = "on conflict (round_id, resident_id) do update set claimed_at = null, sample_id = null"
            + " where d.claimed_at is not null or d.sample_id is not null";

    /** A claim older than this belongs to a refresh that died: its rows are claimed again. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(2);

    /** A sample or an exemption of this person changed: the next refresh recounts them (ADR 0019). */
    void markPerson(UUID roundId, UUID residentId) {
        if (residentId == null) {
            return;
        }
        em.createNativeQuery("insert into test_dirty_person as d (round_id, resident_id) values (?1, ?2) " + AGAIN_PERSON)
                .setParameter(1, roundId).setParameter(2, residentId).executeUpdate();
    }

    /** Every grid cell of the scope: inside a scope node, or holding one (a compound or building scope). */
    void markAllDirty(Round r) {
        em.createNativeQuery("""
                insert into test_dirty_cell as d (round_id, grid_cell_id)
                select ?1, n.id from area_node n where n.kind = 'GRID_CELL' and n.community_id = any(cast(?2 as uuid[]))
                  and (n.path like any(cast(?3 as text[]))
                       or exists (select 1 from unnest(cast(?4 as text[])) sp where sp like n.path || '%'))
                """ + again("grid_cell_id"))
                .setParameter(1, r.id()).setParameter(2, r.communities()).setParameter(3, r.patterns())
                .setParameter(4, r.scopePaths().toArray(String[]::new)).executeUpdate();
    }

    @Scheduled(every = "${gridguard.testing.coverage-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        Instant now = clock.instant();
        onceOnly.run(JOB, OnceOnly.windowStart(now, DurationConverter.parseDuration(every)), this::refreshNow);
    }

    /** At most this many queued people, tubes and cells are claimed by one refresh (200 cells: ~80,000 people, a few seconds). */
    static final int PERSONS = 50_000, TUBES = 5_000, CELLS = 200;

    /** Cells of sampling rounds the census check looks at per refresh, the longest unchecked first. */
    @ConfigProperty(name = "gridguard.testing.coverage-census-cells", defaultValue = "10")
    int censusCells;

    record Claimed(Map<UUID, Work> byRound, int items, boolean drained) {
    }

    /** Per round: people to count again whole, new samples (of people queued by them alone), tubes, cells, census. */
    record Work(List<UUID> persons, List<UUID> samples, List<UUID> tubes, List<UUID> cells, List<UUID> census) {
        Work() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * Recounts what changed since the last refresh, in the caller's transaction (ADR 0019): the queued people,
     * the members of the queued tubes and everyone in the queued cells are counted again and compared with their
     * stored state; only the differences are added to the building and cell rows. The queues are claimed (stamped)
     * first in a short transaction of their own (ADR 0015), so a write queueing a person while this runs does not
     * wait and is counted by the next refresh; the rows still stamped are deleted with the recount's commit. If the
     * recount fails, its rows are unclaimed; if the instance dies, they are claimed again after two minutes.
     */
    @Transactional
    public Map<String, Object> refreshNow() {
        Instant now = clock.instant();
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> claim(now));
        try {
            Map<String, Object> out = recount(now, claimed);
            for (String t : QUEUES) {
                em.createNativeQuery("delete from " + t + " where claimed_at = ?1").setParameter(1, now).executeUpdate();
            }
            return out;
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (String t : QUEUES) {
                    em.createNativeQuery("update " + t + " set claimed_at = null where claimed_at = ?1").setParameter(1, now)
                            .executeUpdate();
                }
            });
            throw e;
        }
    }

    static final List<String> QUEUES = List.of("test_dirty_person", "test_dirty_tube", "test_dirty_cell");

    @SuppressWarnings("unchecked")
    private Claimed claim(Instant now) {
        Map<UUID, Work> byRound = new LinkedHashMap<>();
        int items = 0;
        boolean drained = true;
        String[] keys = { "resident_id, sample_id", "tube_id, null::uuid", "grid_cell_id, null::uuid" };
        int[] limits = { PERSONS, TUBES, CELLS };
        for (int q = 0; q < keys.length; q++) {
            List<Object[]> rows = em.createNativeQuery("""
                    update %1$s set claimed_at = ?1 where ctid = any(array(select ctid from %1$s
                      where claimed_at is null or claimed_at < ?2 limit %3$d for update skip locked))
                    returning round_id, %2$s""".formatted(QUEUES.get(q), keys[q], limits[q]))
                    .setParameter(1, now).setParameter(2, now.minus(STALE_CLAIM)).getResultList();
            for (Object[] x : rows) {
                Work w = byRound.computeIfAbsent((UUID) x[0], r -> new Work());
                if (x[2] != null) {
                    w.samples().add((UUID) x[2]);
                } else {
                    (q == 0 ? w.persons() : q == 1 ? w.tubes() : w.cells()).add((UUID) x[1]);
                }
            }
            items += rows.size();
            drained &= rows.size() < limits[q];
        }
        return new Claimed(byRound, items, drained);
    }

    private Map<String, Object> recount(Instant now, Claimed claimed) {
        // one recount at a time across instances: two would add the same difference twice
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('" + JOB + "'))").getSingleResult();
        Map<UUID, Work> byRound = new LinkedHashMap<>(claimed.byRound());
        // the census check: the cells of sampling rounds not checked for a while (moves, deaths, newcomers)
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                select c.round_id, c.grid_cell_id from test_coverage_cell c join test_round r on r.id = c.round_id
                where r.status = 'SAMPLING' and c.refreshed_at < ?1 order by c.refreshed_at limit ?2""")
                .setParameter(1, now.minus(fullEvery)).setParameter(2, censusCells).getResultList();
        for (Object[] x : due) {
            byRound.computeIfAbsent((UUID) x[0], r -> new Work()).census().add((UUID) x[1]);
        }
        int changed = 0, newSamples = 0;
        for (var e : byRound.entrySet()) {
            Round r = rounds.byId(e.getKey()).orElse(null);
            if (r == null) {
                continue;
            }
            Work w = e.getValue();
            List<UUID> cells = new ArrayList<>(w.cells());
            if (!w.census().isEmpty()) {
                // the census check recounts whole only the cells whose people or places no longer match
                @SuppressWarnings("unchecked")
                List<UUID> moved = em.createNativeQuery(CENSUS).setParameter("rid", r.id())
                        .setParameter("communities", r.communities()).setParameter("scope", r.patterns())
                        .setParameter("census", w.census().toArray(UUID[]::new)).getResultList();
                cells.addAll(moved);
            }
            List<UUID> checked = new ArrayList<>(w.cells());
            checked.addAll(w.census());
            if (!checked.isEmpty()) {
                em.createNativeQuery("""
                        update test_coverage_cell set refreshed_at = ?3 where round_id = ?1 and grid_cell_id = any(cast(?2 as uuid[]))""")
                        .setParameter(1, r.id()).setParameter(2, checked.toArray(UUID[]::new)).setParameter(3, now)
                        .executeUpdate();
            }
            if (w.persons().isEmpty() && w.samples().isEmpty() && w.tubes().isEmpty() && cells.isEmpty()) {
                continue;
            }
            Object[] counted = (Object[]) em.createNativeQuery(RECOUNT)
                    .setParameter("rid", r.id()).setParameter("communities", r.communities())
                    .setParameter("scope", r.patterns()).setParameter("persons", w.persons().toArray(UUID[]::new))
                    .setParameter("samples", w.samples().toArray(UUID[]::new))
                    .setParameter("tubes", w.tubes().toArray(UUID[]::new))
                    .setParameter("cells", cells.toArray(UUID[]::new)).setParameter("now", now)
                    .getSingleResult();
            changed += ((Number) counted[0]).intValue();
            newSamples += ((Number) counted[1]).intValue();
        }
        if (claimed.drained()) {
            // everything committed before the claim is counted: the figures of these rounds are as of then
            em.createNativeQuery("""
                    insert into test_coverage_round (round_id, as_of)
                    select id, ?1 from test_round where status = 'SAMPLING' or id = any(cast(?2 as uuid[]))
                    on conflict (round_id) do update set as_of = excluded.as_of""")
                    .setParameter(1, now).setParameter(2, claimed.byRound().keySet().toArray(UUID[]::new)).executeUpdate();
        }
        return Map.of("rounds", byRound.size(), "claimed", claimed.items(), "census", due.size(), "changed", changed,
                "newSamples", newSamples);
    }

    /**
     * The census check of some cells of a round: those whose living residents in scope, with their compound and
     * building, no longer match the people counted there (compared by count and a sum of hashes per cell).
     */
    static final String CENSUS = """
            with now as (
              select r.grid_cell_id as cell, count(*) as n,
                sum(hashtextextended(concat_ws('/', r.id, h.compound_id, h.building_id), 0)) as f
              from resident r
              cross join lateral (select h.compound_id, h.building_id from household h where h.id = r.household_id limit 1) h
              where r.grid_cell_id = any(cast(:census as uuid[])) and r.status = 'LIVING'
                and r.community_id = any(cast(:communities as uuid[]))
                and r.area_id in (select id from area_node where path like any(cast(:scope as text[])))
              group by 1),
            was as (
              select p.grid_cell_id as cell, count(*) as n,
                sum(hashtextextended(concat_ws('/', p.resident_id, p.compound_id, p.building_id), 0)) as f
              from test_coverage_person p where p.round_id = :rid and p.grid_cell_id = any(cast(:census as uuid[]))
              group by 1)
            select coalesce(now.cell, was.cell) from now full join was on was.cell = now.cell
            where (now.n, now.f) is distinct from (was.n, was.f)""";

    /**
     * The recount of one round (ADR 0019). Candidates: the queued people and everyone living in or counted in the
     * given cells, counted again; the people queued by one new sample that is their latest, whose stored state only
     * takes that sample (the most frequent write, and ~5 times cheaper than counting them again); and the people
     * whose latest sample is in a queued tube, whose state only takes the tube's result. Each candidate's state now (counted if living in the round's scope: their cell, compound,
     * building; exempt; sampled; any make-up; their latest sample's tube and its result) is compared with the stored
     * one; the people whose state differs have their old state subtracted from and their new state
     * added to the building and cell rows, and their stored state replaced. Every lookup is made per candidate
     * (lateral subqueries with {@code limit 1}, arrays of ids): a few hundred candidates must never turn into a scan
     * of a million people because the planner guessed their number wrong. Answers how many people changed and how
     * many took a new sample alone.
     */
    static final String RECOUNT = """
            with whole as materialized (
              select distinct id from (
                select unnest(cast(:persons as uuid[])) as id
                union all select r.id from resident r where r.grid_cell_id = any(cast(:cells as uuid[]))
                union all select p.resident_id from test_coverage_person p
                  where p.round_id = :rid and p.grid_cell_id = any(cast(:cells as uuid[]))) x),
            fresh as materialized (
              select s.* from unnest(cast(:samples as uuid[])) n(id)
              cross join lateral (select s.id, s.resident_id, s.tube_id, s.kind, s.sampled_at
                from test_sample s where s.id = n.id limit 1) s
              where not exists (select 1 from whole where whole.id = s.resident_id)),
            -- a person queued by one new sample that is their latest: their stored state with that sample's tube,
            -- its result and its kind; nothing else changes (their census data are the census check's)
            by_sample as materialized (
              select p.resident_id, p.grid_cell_id, p.compound_id, p.building_id, p.exempt, true as sampled,
                p.makeup or s.kind = 'MAKEUP' as makeup, t.result, s.tube_id as latest_tube, s.sampled_at as latest_at,
                p.sampled as o_sampled, p.makeup as o_makeup, p.result as o_result, p.latest_tube as o_tube
              from fresh s
              cross join lateral (select * from test_coverage_person p
                where p.round_id = :rid and p.resident_id = s.resident_id limit 1) p
              cross join lateral (select t.result from test_tube t where t.id = s.tube_id limit 1) t
              where not p.sampled or p.latest_at < s.sampled_at),
            -- everyone else queued is counted again whole
            cand as materialized (
              select id from whole
              union all select s.resident_id from fresh s
              where not exists (select 1 from by_sample b where b.resident_id = s.resident_id)),
            -- a tube's new result is the result of the people whose latest sample it holds; nothing else changes
            by_tube as materialized (
              select p.resident_id, p.grid_cell_id, p.compound_id, p.building_id, p.exempt, p.sampled, p.makeup,
                t.result, p.latest_tube, p.latest_at, p.sampled as o_sampled, p.makeup as o_makeup,
                p.result as o_result, p.latest_tube as o_tube
              from test_coverage_person p join test_tube t on t.id = p.latest_tube
              where p.round_id = :rid and p.latest_tube = any(cast(:tubes as uuid[]))
                and not exists (select 1 from cand where cand.id = p.resident_id)
                and not exists (select 1 from by_sample b where b.resident_id = p.resident_id)),
            cur as materialized (
              select r.id as resident_id, r.grid_cell_id, r.compound_id, r.building_id, r.exempt,
                s.n > 0 as sampled, coalesce(s.makeup, false) as makeup, s.result, s.tube as latest_tube, s.at as latest_at
              from cand
              cross join lateral (
                select r.id, r.grid_cell_id, h.compound_id, h.building_id,
                  exists (select 1 from test_exemption e where e.round_id = :rid and e.resident_id = r.id) as exempt
                from resident r join household h on h.id = r.household_id
                where r.id = cand.id and r.status = 'LIVING' and r.grid_cell_id is not null
                  and r.community_id = any(cast(:communities as uuid[]))
                  and exists (select 1 from area_node a where a.id = r.area_id and a.path like any(cast(:scope as text[])))
                limit 1) r
              cross join lateral (
                select count(*) as n, bool_or(x.kind = 'MAKEUP') as makeup,
                  (array_agg(t.result order by x.sampled_at desc, x.created_at desc))[1] as result,
                  (array_agg(t.id order by x.sampled_at desc, x.created_at desc))[1] as tube, max(x.sampled_at) as at
                from test_sample x join test_tube t on t.id = x.tube_id
                where x.round_id = :rid and x.resident_id = r.id) s),
            old as materialized (
              select p.* from cand cross join lateral (select * from test_coverage_person p
                where p.round_id = :rid and p.resident_id = cand.id limit 1) p),
            chg as materialized (
              select coalesce(c.resident_id, o.resident_id) as resident_id, c.resident_id is not null as counted,
                c.grid_cell_id, c.compound_id, c.building_id, c.exempt, c.sampled, c.makeup, c.result, c.latest_tube,
                c.latest_at, o.resident_id is not null as was, o.grid_cell_id as o_cell, o.compound_id as o_compound,
                o.building_id as o_building, o.exempt as o_exempt, o.sampled as o_sampled, o.makeup as o_makeup,
                o.result as o_result
              from cur c full join old o on o.resident_id = c.resident_id
              where (c.grid_cell_id, c.compound_id, c.building_id, c.exempt, c.sampled, c.makeup, c.result, c.latest_tube,
                  c.latest_at)
                is distinct from (o.grid_cell_id, o.compound_id, o.building_id, o.exempt, o.sampled, o.makeup, o.result,
                  o.latest_tube, o.latest_at)
              union all
              -- the people who took a new sample or a tube's result: the same place, a new sample or result
              select resident_id, true, grid_cell_id, compound_id, building_id, exempt, sampled, makeup, result, latest_tube,
                latest_at, true, grid_cell_id, compound_id, building_id, exempt, o_sampled, o_makeup, o_result
              from (select * from by_sample union all select * from by_tube) x
              where (sampled, makeup, result, latest_tube) is distinct from (o_sampled, o_makeup, o_result, o_tube)),
            sign as (
              select grid_cell_id as cell, compound_id as compound, building_id as building, 1 as k, exempt, sampled,
                makeup, result from chg where counted
              union all
              select o_cell, o_compound, o_building, -1, o_exempt, o_sampled, o_makeup, o_result from chg where was),
            d as materialized (
              select cell, compound, building, sum(k) as residents,
                sum(case when exempt then k else 0 end) as exempt,
                sum(case when not exempt and sampled then k else 0 end) as sampled,
                sum(case when not exempt and sampled and makeup then k else 0 end) as makeup,
                sum(case when not exempt and sampled and (result is null or result = 'INVALID') then k else 0 end) as pending,
                sum(case when not exempt and sampled and result = 'NEGATIVE' then k else 0 end) as negative,
                sum(case when not exempt and sampled and result = 'POSITIVE' then k else 0 end) as positive
              from sign group by cell, compound, building),
            put as (
              insert into test_coverage_person as p (round_id, resident_id, grid_cell_id, compound_id, building_id, exempt,
                sampled, makeup, result, latest_tube, latest_at)
              select :rid, resident_id, grid_cell_id, compound_id, building_id, exempt, sampled, makeup, result, latest_tube,
                latest_at
              from chg where counted
              on conflict (round_id, resident_id) do update set grid_cell_id = excluded.grid_cell_id,
                compound_id = excluded.compound_id, building_id = excluded.building_id, exempt = excluded.exempt,
                sampled = excluded.sampled, makeup = excluded.makeup, result = excluded.result,
                latest_tube = excluded.latest_tube, latest_at = excluded.latest_at),
            gone as (
              delete from test_coverage_person p
              where p.round_id = :rid and p.resident_id = any(array(select resident_id from chg where not counted))),
            b as (
              insert into test_coverage_building as b (round_id, grid_cell_id, compound_id, building_id, residents, exempt,
                expected, sampled, makeup, pending, negative, positive, refreshed_at)
              select :rid, cell, compound, building, residents, exempt, residents - exempt, sampled, makeup, pending,
                negative, positive, :now from d
              on conflict (round_id, grid_cell_id, compound_id, building_id) do update set
                residents = b.residents + excluded.residents, exempt = b.exempt + excluded.exempt,
                expected = b.expected + excluded.expected, sampled = b.sampled + excluded.sampled,
                makeup = b.makeup + excluded.makeup, pending = b.pending + excluded.pending,
                negative = b.negative + excluded.negative, positive = b.positive + excluded.positive,
                refreshed_at = excluded.refreshed_at),
            c as (
              insert into test_coverage_cell as c (round_id, grid_cell_id, community_id, residents, exempt, expected,
                sampled, makeup, pending, negative, positive, refreshed_at)
              select :rid, d.cell, (select n.community_id from area_node n where n.id = d.cell), sum(d.residents),
                sum(d.exempt), sum(d.residents - d.exempt), sum(d.sampled), sum(d.makeup), sum(d.pending),
                sum(d.negative), sum(d.positive), :now
              from d group by d.cell
              on conflict (round_id, grid_cell_id) do update set
                residents = c.residents + excluded.residents, exempt = c.exempt + excluded.exempt,
                expected = c.expected + excluded.expected, sampled = c.sampled + excluded.sampled,
                makeup = c.makeup + excluded.makeup, pending = c.pending + excluded.pending,
                negative = c.negative + excluded.negative, positive = c.positive + excluded.positive)
            select count(*), (select count(*) from by_sample) from chg""";

    /**
     * The one count of the feature: living residents of the round's scope in {@code cells} (optionally under
     * {@code areaPath}), grouped by {@code keys} (columns k1, k2, …), with exemptions, sampling, make-up and each
     * person's latest result. Samples are first reduced to one row per person (latest result, any make-up), so the
     * planner joins three sets of about one row per resident (ADR 0018).
     */
    static String countSql(Round r, List<String> keys, List<Object> args, UUID[] cells, String areaPath) {
        args.addAll(List.of(cells, r.communities(), r.patterns()));
        String underArea = "";
        if (areaPath != null) {
            args.add(areaPath + "%");
            underArea = " and path like ?";
        }
        args.addAll(List.of(r.id(), cells, r.id(), cells));
        StringBuilder select = new StringBuilder(), group = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            select.append(", ").append(keys.get(i)).append(" as k").append(i + 1);
            group.append(i == 0 ? "" : ", ").append("res.k").append(i + 1);
        }
        return """
                with res as (
                  select r.id%s from resident r join household h on h.id = r.household_id
                  where r.grid_cell_id = any(?) and r.community_id = any(?)
                    and r.status = 'LIVING'
                    and r.area_id in (select id from area_node where path like any(?)%s)),
                ex as (select e.resident_id from test_exemption e
                  where e.round_id = ? and e.grid_cell_id = any(?)),
                smp as (select s.resident_id,
                    (array_agg(t.result order by s.sampled_at desc, s.created_at desc))[1] as result,
                    bool_or(s.kind = 'MAKEUP') as makeup
                  from test_sample s join test_tube t on t.id = s.tube_id
                  where s.round_id = ? and s.grid_cell_id = any(?) and s.resident_id is not null
                  group by s.resident_id)
                select %s, count(*) as residents, count(ex.resident_id) as exempt,
                  count(l.resident_id) filter (where ex.resident_id is null) as sampled,
                  count(*) filter (where ex.resident_id is null and l.makeup) as makeup,
                  count(l.resident_id) filter (where ex.resident_id is null and (l.result is null or l.result = 'INVALID')) as pending,
                  count(l.resident_id) filter (where ex.resident_id is null and l.result = 'NEGATIVE') as negative,
                  count(l.resident_id) filter (where ex.resident_id is null and l.result = 'POSITIVE') as positive
                from res left join ex on ex.resident_id = res.id left join smp l on l.resident_id = res.id
                group by %s""".formatted(select, underArea, group, group);
    }

    // ---------- reading coverage ----------

    static int rank(String kind) {
        return switch (kind) {
            case "DISTRICT" -> 0;
            case "STREET" -> 1;
            case "COMMUNITY" -> 2;
            case "ZONE" -> 3;
            case "GRID_CELL" -> 4;
            case "COMPOUND" -> 5;
            case "BUILDING" -> 6;
            default -> 7;
        };
    }

    /**
     * Reads only, on one pooled connection outside any transaction, in plain JDBC (ADR 0022): the round, the previous
     * one, the area asked about and the caller's scopes in one statement, then the rows of each round in one more.
     */
    public Coverage coverage(UUID roundId, UUID areaId, Level level) {
        return jdbc.autocommitted(db -> db.run(c -> coverage(c, roundId, areaId, level)));
    }

    private Coverage coverage(Connection c, UUID roundId, UUID areaId, Level level) throws SQLException {
        RoundRepository.WithPrevious rp = rounds.visibleWithPrevious(c, roundId, areaId);
        Round r = rp.round();
        Area area = rp.area();
        if (area != null && !jurisdiction.overlaps(area.path())) {
            throw ApiProblem.notFound("Area node");
        }
        Level lv = level != null ? level : defaultLevel(area);
        if (area != null && rank(lv.name()) < rank(area.kind())) {
            throw ApiProblem.invalid("level", "must be at or below the level of areaId (" + area.kind() + ")");
        }
        if (rank(lv.name()) > rank("GRID_CELL")) {
            if (area == null || rank(area.kind()) < rank("GRID_CELL")) {
                throw ApiProblem.invalid("areaId", "compound, building and household rows need a grid cell (or below) as areaId");
            }
            if (!jurisdiction.covers(area.path())) {
                throw ApiProblem.notFound("Area node");
            }
            if (rp.cell() == null) {
                throw ApiProblem.invalid("areaId", "is not inside a grid cell");
            }
        }
        Result cur = rows(c, r, area, rp.cell(), lv);
        PreviousRound prev = null;
        Map<UUID, Double> prevPct = new HashMap<>();
        var before = rp.previous();
        if (before.isPresent()) {
            Result pr = rows(c, before.get(), area, rp.cell(), lv);
            for (CoverageRow row : pr.rows) {
                prevPct.put(row.areaId(), row.figures().coveragePct());
            }
            prev = new PreviousRound(before.get().id(), before.get().name(), before.get().roundDate(), pr.total);
        }
        List<CoverageRow> out = cur.rows.stream().map(x -> new CoverageRow(x.areaId(), x.level(), x.name(), x.figures(),
                prevPct.get(x.areaId()))).toList();
        return new Coverage(r.id(), areaId, lv, cur.total, out, cur.asOf, prev);
    }

    private static Level defaultLevel(Area a) {
        if (a == null) {
            return Level.GRID_CELL;
        }
        return switch (a.kind()) {
            case "DISTRICT", "STREET" -> Level.COMMUNITY;
            case "COMMUNITY" -> Level.ZONE;
            case "ZONE" -> Level.GRID_CELL;
            case "GRID_CELL" -> Level.COMPOUND;
            case "COMPOUND" -> Level.BUILDING;
            default -> Level.HOUSEHOLD;
        };
    }

    record Result(List<CoverageRow> rows, Figures total, Instant asOf) {
    }

    /**
     * Community, zone and grid-cell rows are sums of the per-cell rollup; compound and building rows (inside one
     * cell) sums of the per-building rollup (ADR 0018); households are counted live.
     */
    private Result rows(Connection c, Round r, Area area, UUID cell, Level lv) throws SQLException {
        if (rank(lv.name()) <= rank("GRID_CELL")) {
            return fromRollup(c, r, area, lv);
        }
        return lv == Level.HOUSEHOLD ? households(c, r, area, cell) : fromBuildings(c, r, area, cell, lv);
    }

    /** Community, zone and grid-cell rows: sums of the per-cell rollup. */
    private Result fromRollup(Connection c, Round r, Area area, Level lv) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(r.id(), lv.name(), r.id()));
        StringBuilder sql = new StringBuilder("""
                select anc.id, anc.name, sum(c.residents), sum(c.exempt), sum(c.sampled), sum(c.makeup), sum(c.pending),
                  sum(c.negative), sum(c.positive), (select as_of from test_coverage_round where round_id = ?)
                from test_coverage_cell c join area_node cell on cell.id = c.grid_cell_id
                join area_node anc on anc.id = any(cast(string_to_array(trim(both '/' from cell.path), '/') as uuid[]))
                  and anc.kind = ?
                where c.round_id = ? and c.residents > 0""");
        if (area != null) {
            // the cells under the area, or the one cell holding it
            sql.append(" and (cell.path like ? or ? like cell.path || '%')");
            args.add(area.path() + "%");
            args.add(area.path());
        }
        if (!jurisdiction.isGlobal()) {
            sql.append(" and cell.path like any(?)");
            args.add(jurisdiction.likePatterns());
        }
        sql.append(" group by anc.id, anc.name, anc.code order by anc.code");
        return summed(Jdbc.rows(c, sql.toString(), args.toArray()), lv);
    }

    /**
     * Rows of a rollup read — (id, name, residents, exempt, sampled, makeup, pending, negative, positive, oldest
     * refresh) — with their total; as of the oldest refresh among them.
     */
    private Result summed(List<Object[]> rows, Level lv) {
        List<CoverageRow> out = new ArrayList<>();
        Figures total = Figures.ZERO;
        Instant asOf = clock.instant();
        for (Object[] x : rows) {
            Figures f = Figures.of(n(x[2]), n(x[3]), n(x[4]), n(x[5]), n(x[6]), n(x[7]), n(x[8]));
            out.add(new CoverageRow((UUID) x[0], lv, x[1] == null ? "-" : (String) x[1], f, null));
            total = total.plus(f);
            Instant at = Rows.instant(x[9]);
            if (at != null && at.isBefore(asOf)) {
                asOf = at;
            }
        }
        return new Result(out, total, asOf);
    }

    /** Compound or building rows of one cell (under a compound or building areaId): sums of the per-building rollup. */
    private Result fromBuildings(Connection c, Round r, Area area, UUID cell, Level lv) throws SQLException {
        String key = lv == Level.COMPOUND ? "b.compound_id" : "b.building_id";
        String under = switch (area.kind()) {
            case "COMPOUND" -> " and b.compound_id = ?";
            case "BUILDING" -> " and b.building_id = ?";
            default -> "";
        };
        String sql = """
                select x.k, a.name, x.residents, x.exempt, x.sampled, x.makeup, x.pending, x.negative, x.positive,
                  (select as_of from test_coverage_round where round_id = ?)
                from (select %s as k, sum(b.residents) as residents, sum(b.exempt) as exempt, sum(b.sampled) as sampled,
                  sum(b.makeup) as makeup, sum(b.pending) as pending, sum(b.negative) as negative,
                  sum(b.positive) as positive
                  from test_coverage_building b where b.round_id = ? and b.grid_cell_id = ?%s group by 1
                  having sum(b.residents) > 0) x
                left join area_node a on a.id = x.k order by a.code nulls last, x.k""".formatted(key, under);
        Object[] args = under.isEmpty() ? new Object[] { r.id(), r.id(), cell } : new Object[] { r.id(), r.id(), cell, area.id() };
        return summed(Jdbc.rows(c, sql, args), lv);
    }

    /** Household rows inside one cell, counted live ({@link #countSql}). */
    private Result households(Connection c, Round r, Area area, UUID cell) throws SQLException {
        List<Object> args = new ArrayList<>();
        String counts = countSql(r, List.of("h.id"), args, new UUID[] { cell }, area.path());
        List<Object[]> rows = Jdbc.rows(c, "select x.*, nm.name from (" + counts + ") x"
                + " left join household hh on hh.id = x.k1 left join area_node nb on nb.id = hh.building_id"
                + " left join lateral (select concat_ws(' ', nb.name, hh.door_number) as name, concat(nb.code, '/', hh.door_number) as code) nm on true"
                + " order by nm.code nulls last, x.k1", args.toArray());
        List<CoverageRow> out = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Object[] x : rows) {
            Figures f = Figures.of(n(x[1]), n(x[2]), n(x[3]), n(x[4]), n(x[5]), n(x[6]), n(x[7]));
            out.add(new CoverageRow((UUID) x[0], Level.HOUSEHOLD, x[8] == null ? "-" : (String) x[8], f, null));
            total = total.plus(f);
        }
        return new Result(out, total, clock.instant());
    }

    static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** The coverage table as CSV (UTF-8 with BOM, for Excel). */
    public String csv(Coverage c) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("areaId", "level", "name",
                "residents", "exempt", "expected", "sampled", "makeup", "missing", "pending", "negative", "positive",
                "coveragePct", "previousCoveragePct").get())) {
            for (CoverageRow r : c.rows()) {
                Figures f = r.figures();
                csv.printRecord(r.areaId(), r.level(), r.name(), f.residents(), f.exempt(), f.expected(), f.sampled(),
                        f.makeup(), f.missing(), f.pending(), f.negative(), f.positive(), f.coveragePct(),
                        r.previousCoveragePct() == null ? "" : r.previousCoveragePct());
            }
            Figures f = c.total();
            csv.printRecord("", "TOTAL", "", f.residents(), f.exempt(), f.expected(), f.sampled(), f.makeup(),
                    f.missing(), f.pending(), f.negative(), f.positive(), f.coveragePct(),
                    c.previous() == null ? "" : c.previous().figures().coveragePct());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    // ---------- the make-up worklist ----------

    /** Expected people of the caller's cells (or under areaId) with no sample yet, by building and door number. */
    @Transactional
    public Page<MissingPerson> missing(UUID roundId, UUID areaId, String cursor, Integer limit) {
        Round r = rounds.visible(roundId);
        int lim = Cursor.limit(limit);
        List<String> c = Cursor.decode(cursor, 3);
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select r.id, r.name, r.phone_mask, r.household_id, h.door_number, h.building_id, b.name, r.grid_cell_id,
                  r.categories, coalesce(b.code, '')
                from resident r join household h on h.id = r.household_id left join area_node b on b.id = h.building_id
                where r.community_id = any(cast(:communities as uuid[])) and r.status = 'LIVING'
                  and r.area_id in (select id from area_node where path like any(cast(:scope as text[]))""");
        p.put("communities", r.communities());
        p.put("scope", r.patterns());
        if (!jurisdiction.isGlobal()) {
            sql.append(" and path like any(cast(:jur as text[]))");
            p.put("jur", jurisdiction.likePatterns());
        }
        if (areaId != null) {
            Area a = roundService.area(areaId);
            if (!jurisdiction.overlaps(a.path())) {
                throw ApiProblem.notFound("Area node");
            }
            sql.append(" and path like :under");
            p.put("under", a.path() + "%");
        }
        sql.append(")");
        sql.append(" and not exists (select 1 from test_exemption e where e.round_id = :rid and e.resident_id = r.id)");
        sql.append(" and not exists (select 1 from test_sample s where s.round_id = :rid and s.resident_id = r.id)");
        p.put("rid", r.id());
        if (c != null) {
            sql.append(" and (coalesce(b.code, ''), h.door_number, r.id) > (:c0, :c1, :c2)");
            p.put("c0", c.get(0));
            p.put("c1", c.get(1));
            p.put("c2", RoundService.uuid(c.get(2)));
        }
        sql.append(" order by coalesce(b.code, ''), h.door_number, r.id limit :lim");
        p.put("lim", lim + 1);
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<UUID, String> codes = new HashMap<>();
        List<MissingPerson> out = new ArrayList<>();
        for (Object[] x : rows) {
            out.add(new MissingPerson((UUID) x[0], (String) x[1], (String) x[2], (UUID) x[3], (String) x[4],
                    (UUID) x[5], (String) x[6], (UUID) x[7], Round.strings(x[8])));
            codes.put((UUID) x[0], (String) x[9]);
        }
        return Page.of(out, lim, v -> Cursor.encode(codes.get(v.residentId()), v.doorNumber(), v.residentId().toString()));
    }

    // ---------- metrics ----------

    @Transactional
    public Metrics metrics(UUID areaId) {
        Map<String, Object> p = new HashMap<>();
        String visible = rounds.filter(p);
        String jur = "";
        if (!jurisdiction.isGlobal()) {
            jur = " and %s in (select id from area_node where kind = 'GRID_CELL' and path like any(cast(:jur as text[])))";
            p.put("jur", jurisdiction.likePatterns());
        }
        String area = "";
        if (areaId != null) {
            Area a = roundService.area(areaId);
            if (!jurisdiction.overlaps(a.path())) {
                throw ApiProblem.notFound("Area node");
            }
            area = " and %s in (select id from area_node where kind = 'GRID_CELL' and (path like :under or :apath like path || '%%'))";
            p.put("under", a.path() + "%");
            p.put("apath", a.path());
        }
        String cells = (jur + area);
        String sql = "select"
                + " (select count(*) from test_round r where true" + visible + "),"
                + " (select count(*) from test_round r where r.status = 'SAMPLING'" + visible + "),"
                + " (select count(*) from test_tube t join test_round r on r.id = t.round_id where t.result in ('POSITIVE','INVALID')"
                + " and t.id in (" + PoolFollowUp.BAD_SO_FAR.replace("?1", "r.id") + ")"
                + visible + cells.formatted("t.grid_cell_id", "t.grid_cell_id") + "),"
                + " (select count(*) from test_task t join test_round r on r.id = t.round_id where t.kind = 'RETEST' and t.status = 'OPEN'"
                + visible + cells.formatted("t.grid_cell_id", "t.grid_cell_id") + "),"
                + " (select count(*) from test_unmatched_result u join test_round r on r.id = u.round_id where u.resolved_at is null"
                + visible + "),"
                + " (select row(coalesce(sum(c.residents), 0), coalesce(sum(c.exempt), 0), coalesce(sum(c.sampled), 0),"
                + "   coalesce(sum(c.makeup), 0), coalesce(sum(c.pending), 0), coalesce(sum(c.negative), 0),"
                + "   coalesce(sum(c.positive), 0))::text from test_coverage_cell c join test_round r on r.id = c.round_id"
                + " where r.status = 'SAMPLING'" + visible + cells.formatted("c.grid_cell_id", "c.grid_cell_id") + ")";
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        Object[] x = (Object[]) q.getSingleResult();
        String[] f = ((String) x[5]).replaceAll("[()]", "").split(",");
        Figures figures = Figures.of(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
        return new Metrics(n(x[0]), n(x[1]), n(x[2]), n(x[3]), n(x[4]), figures, clock.instant());
    }
}

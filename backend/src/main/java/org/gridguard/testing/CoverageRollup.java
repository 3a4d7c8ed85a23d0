package org.gridguard.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.Jdbc;
import org.gridguard.common.TimeConfig;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * The coverage rollup (ADRs 0018, 0019, 0023): every living resident of a round's scope has a stored state (cell,
 * compound, building, exempt, sampled, make-up, latest result); building and cell rows are the sums of those states.
 * A write queues what it touched (a sample or exemption: the person; a lab result: the tube; a new round: its cells),
 * with the time it was queued; the refresher recounts only those, every second, adding the differences; a census check
 * also recounts the people whose census data no longer match their state, a few cells per refresh. The cells a refresh
 * changed (or recounted whole) also get their new figures as those of the day (ADR 0053: the daily report's coverage).
 * <p>
 * The refresher works on a small pool of its own and never waits: one refresh at a time across instances (a try-lock:
 * an instance that finds it taken skips its turn), each statement time-boxed; a refresh that overruns gives its claim
 * back, logs its plan, and the next ones claim less, growing back as they succeed. Before counting it analyzes the
 * tables a bulk change has grown, so that no plan rests on statistics of an empty table.
 */
@ApplicationScoped
public class CoverageRollup {

    private static final Logger LOG = Logger.getLogger(CoverageRollup.class);

    /** The advisory lock of the refresher (session level, taken with a try: nobody waits on it). */
    static final String LOCK = "hashtext('testing-coverage')";

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    TimeConfig time;
    @Inject
    @DataSource("background")
    AgroalDataSource background;

    @ConfigProperty(name = "gridguard.testing.coverage-census-every", defaultValue = "60s")
    Duration fullEvery;

    /** Cells of sampling rounds the census check looks at per refresh, the longest unchecked first. */
    @ConfigProperty(name = "gridguard.testing.coverage-census-cells", defaultValue = "10")
    int censusCells;

    /** The longest one statement of a refresh may run, lock waits included; past it the refresh gives its claim back. */
    @ConfigProperty(name = "gridguard.testing.coverage-refresh-timeout", defaultValue = "10s")
    volatile Duration timeout;

    Duration timeout() {
        return timeout;
    }

    /** Tests shorten the time box to make a refresh overrun. */
    void timeout(Duration d) {
        timeout = d;
    }

    // ---------- queueing (in the writer's transaction) ----------

    /**
     * How a write queues something: a new row, or an existing one made unclaimed again (its queued_at stays: the
     * older change is not counted yet). A refresh claims rows by stamping them and deletes only the rows still carrying
     * its stamp when it commits, so a write made while they are being recounted leaves them queued for the next
     * refresh, and rows claimed by a refresh that died are claimed again once their stamp is old (ADRs 0015, 0019).
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

    // ---------- the refresher ----------

    @Scheduled(every = "${gridguard.testing.coverage-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        // a refresh that left work queued (its claim was full) is followed at once by the next, not a tick later: a
        // round's first count is a dozen full claims in a row; bounded, so that the scheduler thread comes back
        for (int i = 0; i < 100 && Boolean.TRUE.equals(refreshNow().get("more")); i++) {
            // the next refresh
        }
    }

    /** At most this many queued people, tubes and cells are claimed by one refresh at full share (200 cells: ~80,000 people). */
    static final int PERSONS = 50_000, TUBES = 5_000, CELLS = 200;
    static final List<String> QUEUES = List.of("test_dirty_person", "test_dirty_tube", "test_dirty_cell");

    /**
     * SQL: when the oldest change of a round (an SQL expression) still queued was queued, or null when none is; one
     * index descent per queue. Everything committed before it is in the rollup (ADR 0023): a change is queued in its
     * own transaction and leaves the queue in the transaction that counts it.
     */
    static String oldestQueued(String round) {
        return QUEUES.stream().map(q -> "(select min(d.queued_at) from " + q + " d where d.round_id = " + round + ")")
                .collect(Collectors.joining(", ", "least(", ")"));
    }

    /**
     * The share of {@link #PERSONS}, {@link #TUBES} and {@link #CELLS} the next refresh claims: quartered by a refresh
     * that overran, doubled back (up to all) by one that did not.
     */
    private volatile double share = 1.0;

    double share() {
        return share;
    }

    /** What one refresh claimed; {@code full} when a queue had more than its share (more is waiting). */
    record Claimed(Map<UUID, Work> byRound, int items, boolean full) {
    }

    /** Per round: people to count again whole, new samples (of people queued by them alone), tubes, cells, census. */
    record Work(List<UUID> persons, List<UUID> samples, List<UUID> tubes, List<UUID> cells, List<UUID> census) {
        Work() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * One refresh, on a connection of the background pool: take the refresher's lock or skip this turn; analyze what
     * grew; claim (stamp, committed at once, so writers re-queueing those rows never wait); recount in one
     * transaction, deleting the rows still carrying this claim's stamp as it commits. Every statement is time-boxed.
     * An overrun or a failure unclaims the rows; an instance that dies leaves them to be claimed again after
     * {@link #STALE_CLAIM}. Answers what it did ({@code claimed}, {@code skipped}, {@code overran} …).
     */
    public Map<String, Object> refreshNow() {
        try (Connection c = background.getConnection()) {
            c.setAutoCommit(true);
            if (!tryLock(c)) {
                metrics.counter("gridguard.coverage.refresh", "result", "skipped").increment();
                return Map.of("skipped", true, "claimed", 0);
            }
            try {
                execute(c, "set statement_timeout = " + Math.max(1, timeout.toMillis()));
                return refresh(c);
            } finally {
                execute(c, "reset statement_timeout");
                execute(c, "select pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            metrics.counter("gridguard.coverage.refresh", "result", "failed").increment();
            throw new IllegalStateException("coverage refresh failed: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private Map<String, Object> refresh(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("analyzed", analyzeGrown(c));
        out.put("analyzedMs", (System.nanoTime() - t0) / 1_000_000);
        Instant now = clock.instant();
        Claimed claimed;
        try {
            claimed = claim(c, now);
        } catch (Overran o) {
            return overran(c, o, now, 0, t0, out);
        }
        out.put("claimed", claimed.items());
        out.put("share", share);
        c.setAutoCommit(false);
        try {
            // a lock wait counts against the time box, and says so in the log (lock timeout, not statement timeout)
            execute(c, "set local lock_timeout = " + Math.max(1, timeout.toMillis()));
            out.putAll(recount(c, now, claimed));
            for (String t : QUEUES) {
                update(c, "delete from " + t + " where claimed_at = :now", Map.of("now", now));
            }
            c.commit();
            share = Math.min(1.0, share * 2);
            metrics.counter("gridguard.coverage.refresh", "result", "ran").increment();
            out.put("ms", (System.nanoTime() - t0) / 1_000_000);
            out.put("more", claimed.full());
            LOG.debugf("coverage refresh %s", out);
            return out;
        } catch (Overran o) {
            c.rollback();
            return overran(c, o, now, claimed.items(), t0, out);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            unclaim(c, now);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void unclaim(Connection c, Instant now) throws SQLException {
        c.setAutoCommit(true);
        for (String t : QUEUES) {
            update(c, "update " + t + " set claimed_at = null where claimed_at = :now", Map.of("now", now));
        }
    }

    /** An overrun: the claim given back, the next claims smaller, the plan of the statement logged. */
    private Map<String, Object> overran(Connection c, Overran o, Instant now, int items, long t0, Map<String, Object> out)
            throws SQLException {
        unclaim(c, now);
        share = Math.max(1.0 / 4096, share / 4);
        metrics.counter("gridguard.coverage.refresh", "result", "overran").increment();
        LOG.warnf("coverage refresh overran (%s) after %d ms with %d items claimed; the claim is given back and the next"
                + " refreshes claim %.4f of the full share. The plan of the statement:%n%s", o.getCause().getMessage(),
                (System.nanoTime() - t0) / 1_000_000, items, share, plan(c, o));
        out.put("claimed", items);
        out.put("overran", true);
        out.put("share", share);
        return out;
    }

    /** The planner's plan of the statement that overran, for the log (each line cut short: id arrays are long). */
    private static String plan(Connection c, Overran o) {
        StringBuilder b = new StringBuilder();
        try (PreparedStatement ps = Jdbc.prepare(c, "explain " + o.sql, o.args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String line = rs.getString(1);
                b.append(line.length() > 240 ? line.substring(0, 240) + "…" : line).append('\n');
            }
            return b.toString();
        } catch (SQLException | RuntimeException e) {
            return "(no plan: " + e.getMessage() + ")";
        }
    }

    /** A statement that overran its time box or a lock wait: the refresh gives its claim back and claims less. */
    static final class Overran extends RuntimeException {
        final transient String sql;
        final transient Map<String, ?> args;

        Overran(SQLException cause, String sql, Map<String, ?> args) {
            super(cause.getMessage(), cause);
            this.sql = sql;
            this.args = args;
        }
    }

    interface Read<T> {
        T from(ResultSet rs) throws SQLException;
    }

    /** One statement of the refresh with named parameters; a statement or lock timeout becomes {@link Overran}. */
    private static <T> T query(Connection c, String sql, Map<String, ?> args, Read<T> read) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, sql, args)) {
            if (read == null) {
                ps.executeUpdate();
                return null;
            }
            try (ResultSet rs = ps.executeQuery()) {
                return read.from(rs);
            }
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState()) || "55P03".equals(e.getSQLState())) {
                throw new Overran(e, sql, args);
            }
            throw e;
        }
    }

    private static void update(Connection c, String sql, Map<String, ?> args) throws SQLException {
        query(c, sql, args, null);
    }

    private static List<Object[]> rows(Connection c, String sql, Map<String, ?> args) throws SQLException {
        return query(c, sql, args, rs -> {
            List<Object[]> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.add(Jdbc.values(rs, 1, n));
            }
            return out;
        });
    }

    /**
     * The tables a bulk change grows (a round's first samples, a lab's batch, a census import), analyzed when they
     * changed by more than 50 rows and a tenth since their last analysis (autovacuum's own default, but before each
     * refresh rather than whenever autovacuum comes by): a plan made while a round had no sample must not be used
     * once it has thousands (issue 27). Tables this user does not own are skipped by PostgreSQL with a warning.
     */
    static final String GROWN = """
            select s.relname from pg_stat_user_tables s join pg_class c on c.oid = s.relid
            where s.schemaname = current_schema() and s.relname = any(:watched)
              and s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)""";
    /**
     * The tables whose size decides the recount's plans (which index a lookup by round and person takes); the queues
     * and the rollup rows are reached by their keys alone.
     */
    static final String[] WATCHED = { "test_sample", "test_tube", "test_exemption", "test_coverage_person", "resident",
            "household" };

    private static List<String> analyzeGrown(Connection c) throws SQLException {
        List<String> grown = new ArrayList<>();
        for (Object[] x : rows(c, GROWN, Map.of("watched", WATCHED))) {
            grown.add((String) x[0]);
        }
        if (grown.isEmpty()) {
            return grown;
        }
        // a table (auto)vacuum is working on is left to it: analyze waits for no lock
        execute(c, "set lock_timeout = 100");
        try {
            for (String t : grown) {
                try {
                    execute(c, "analyze " + t);
                } catch (SQLException e) {
                    LOG.warnf("coverage refresh: analyze %s skipped (%s)", t, e.getMessage());
                }
            }
        } finally {
            execute(c, "reset lock_timeout");
        }
        return grown;
    }

    /**
     * Claims up to the current share of each queue, oldest first per round: stamps them with {@code now} (autocommit,
     * so the stamp is visible at once and a writer re-queueing a row unstamps it without waiting).
     */
    private Claimed claim(Connection c, Instant now) throws SQLException {
        Map<UUID, Work> byRound = new LinkedHashMap<>();
        int items = 0;
        boolean full = false;
        String[] keys = { "resident_id, sample_id", "tube_id, null::uuid", "grid_cell_id, null::uuid" };
        int[] limits = { PERSONS, TUBES, CELLS };
        for (int q = 0; q < keys.length; q++) {
            int limit = Math.max(1, (int) (limits[q] * share));
            List<Object[]> rows = rows(c, """
                    update %1$s set claimed_at = :now where ctid = any(array(select ctid from %1$s
                      where claimed_at is null or claimed_at < :stale order by round_id, queued_at
                      limit %3$d for update skip locked))
                    returning round_id, %2$s""".formatted(QUEUES.get(q), keys[q], limit),
                    Map.of("now", now, "stale", now.minus(STALE_CLAIM)));
            for (Object[] x : rows) {
                Work w = byRound.computeIfAbsent((UUID) x[0], r -> new Work());
                if (x[2] != null) {
                    w.samples().add((UUID) x[2]);
                } else {
                    (q == 0 ? w.persons() : q == 1 ? w.tubes() : w.cells()).add((UUID) x[1]);
                }
            }
            items += rows.size();
            full |= rows.size() == limit;
        }
        return new Claimed(byRound, items, full);
    }

    private Map<String, Object> recount(Connection c, Instant now, Claimed claimed) throws SQLException {
        Map<UUID, Work> byRound = new LinkedHashMap<>(claimed.byRound());
        // the census check: the cells of sampling rounds not checked for a while (moves, deaths, newcomers)
        List<Object[]> due = rows(c, """
                select c.round_id, c.grid_cell_id from test_coverage_cell c join test_round r on r.id = c.round_id
                where r.status = 'SAMPLING' and c.refreshed_at < :before order by c.refreshed_at limit :n""",
                Map.of("before", now.minus(fullEvery), "n", censusCells));
        for (Object[] x : due) {
            byRound.computeIfAbsent((UUID) x[0], r -> new Work()).census().add((UUID) x[1]);
        }
        int changed = 0, newSamples = 0;
        Map<UUID, Round> rounds = new HashMap<>();
        if (!byRound.isEmpty()) {
            for (Object[] x : rows(c, "select " + Round.COLUMNS + " from test_round r where r.id = any(:ids)",
                    Map.of("ids", byRound.keySet().toArray(UUID[]::new)))) {
                Round r = Round.of(x);
                rounds.put(r.id(), r);
            }
        }
        for (var e : byRound.entrySet()) {
            Round r = rounds.get(e.getKey());
            if (r == null) {
                continue;
            }
            Work w = e.getValue();
            Map<String, Object> args = new HashMap<>(Map.of("rid", r.id(), "communities", r.communities(), "scope",
                    r.patterns()));
            List<UUID> cells = new ArrayList<>(w.cells());
            if (!w.census().isEmpty()) {
                // the census check recounts whole only the cells whose people or places no longer match
                args.put("census", w.census().toArray(UUID[]::new));
                for (Object[] x : rows(c, CENSUS, args)) {
                    cells.add((UUID) x[0]);
                }
            }
            List<UUID> checked = new ArrayList<>(w.cells());
            checked.addAll(w.census());
            if (!checked.isEmpty()) {
                update(c, "update test_coverage_cell set refreshed_at = :now where round_id = :rid"
                        + " and grid_cell_id = any(:cells)",
                        Map.of("now", now, "rid", r.id(), "cells", checked.toArray(UUID[]::new)));
            }
            if (w.persons().isEmpty() && w.samples().isEmpty() && w.tubes().isEmpty() && cells.isEmpty()) {
                continue;
            }
            args.put("persons", w.persons().toArray(UUID[]::new));
            args.put("samples", w.samples().toArray(UUID[]::new));
            args.put("tubes", w.tubes().toArray(UUID[]::new));
            args.put("cells", cells.toArray(UUID[]::new));
            args.put("now", now);
            Object[] counted = rows(c, RECOUNT, args).get(0);
            changed += ((Number) counted[0]).intValue();
            newSamples += ((Number) counted[1]).intValue();
            // the cells whose counted, exempt or sampled people changed, and the cells queued whole (a round created,
            // started, closed: all of them)
            Set<UUID> touched = new LinkedHashSet<>(cells);
            touched.addAll(Arrays.asList((UUID[]) counted[2]));
            if (!touched.isEmpty()) {
                update(c, DAY, Map.of("rid", r.id(), "cells", touched.toArray(UUID[]::new), "now", now, "day",
                        now.atZone(time.zone()).toLocalDate()));
            }
        }
        return Map.of("rounds", byRound.size(), "census", due.size(), "changed", changed, "newSamples", newSamples);
    }

    /**
     * The census check of some cells of a round: those whose living residents in scope, with their compound and
     * building, no longer match the people counted there (compared by count and a sum of hashes per cell).
     */
    static final String CENSUS = """
            with now as (
              select r.grid_cell_id as cell, count(*) as n,
                sum(hashtextextended(concat_ws('/', r.id, h.compound_id, h.building_id), 0)) as f
              from census_resident r
              cross join lateral (select h.compound_id, h.building_id from census_household h where h.id = r.household_id limit 1) h
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
     * added to the building and cell rows, and their stored state replaced. The people living in the queued cells
     * are counted in sets (hash joins over the cells' rows; a round's first count is all of its cells, ADR 0023);
     * every other lookup is made per candidate (lateral subqueries with {@code limit 1}, arrays of ids): a few hundred
     * candidates must never turn into a scan of a million people because the planner guessed their number wrong. Answers how many people changed, how
     * many took a new sample alone, and the cells whose people counted, exempt or sampled changed (for {@link #DAY}: a
     * lab result alone leaves them as they were).
     */
    static final String RECOUNT = """
            with whole as materialized (
              select distinct id from (
                select unnest(cast(:persons as uuid[])) as id
                union all select r.id from census_resident r where r.grid_cell_id = any(cast(:cells as uuid[]))
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
            -- everyone living in the queued cells is counted in sets, not one by one: a whole cell is ~400 people
            -- and a round's first count is every cell of its scope (ADR 0023); the statistics are fresh (the
            -- refresher analyzes what grew), so these are hash joins over the cells' rows
            in_cells as materialized (
              select r.id as resident_id, r.grid_cell_id, h.compound_id, h.building_id, e.resident_id is not null as exempt
              from census_resident r join census_household h on h.id = r.household_id
              left join test_exemption e on e.round_id = :rid and e.resident_id = r.id
              where r.grid_cell_id = any(cast(:cells as uuid[])) and r.status = 'LIVING'
                and r.community_id = any(cast(:communities as uuid[]))
                and r.area_id in (select a.id from area_node a where a.path like any(cast(:scope as text[])))),
            in_cells_sampled as materialized (
              select x.resident_id, count(*) as n, bool_or(x.kind = 'MAKEUP') as makeup,
                (array_agg(t.result order by x.sampled_at desc, x.created_at desc))[1] as result,
                (array_agg(t.id order by x.sampled_at desc, x.created_at desc))[1] as tube, max(x.sampled_at) as at
              from test_sample x join test_tube t on t.id = x.tube_id
              -- an array, not a join: however few samples the statistics believe the round has, this is bounded by
              -- the round's samples (a hashed filter) or by the cells' people (index probes), never their product
              where x.round_id = :rid and x.resident_id = any(array(select resident_id from in_cells))
              group by x.resident_id),
            cur as materialized (
              select c.resident_id, c.grid_cell_id, c.compound_id, c.building_id, c.exempt, s.n is not null as sampled,
                coalesce(s.makeup, false) as makeup, s.result, s.tube as latest_tube, s.at as latest_at
              from in_cells c left join in_cells_sampled s on s.resident_id = c.resident_id
              union all
              -- the other candidates (queued people, people counted in the cells who live elsewhere now), one by one
              select r.id as resident_id, r.grid_cell_id, r.compound_id, r.building_id, r.exempt,
                s.n > 0 as sampled, coalesce(s.makeup, false) as makeup, s.result, s.tube as latest_tube, s.at as latest_at
              from (select id from cand where not exists (select 1 from in_cells i where i.resident_id = cand.id)) cand
              cross join lateral (
                select r.id, r.grid_cell_id, h.compound_id, h.building_id,
                  exists (select 1 from test_exemption e where e.round_id = :rid and e.resident_id = r.id) as exempt
                from census_resident r join census_household h on h.id = r.household_id
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
            select count(*), (select count(*) from by_sample), array(select distinct cell from d
              where residents <> 0 or exempt <> 0 or sampled <> 0) from chg""";

    /**
     * The day snapshot of the cells a recount touched (ADR 0053): their new absolute figures, read from the cell rows
     * the recount has just written (the same transaction), as the figures of the refresh's business day. The last
     * refresh of a day leaves the row of that day as the cell's state at the end of it.
     */
    static final String DAY = """
            insert into test_coverage_cell_day as y (round_id, grid_cell_id, day, residents, exempt, sampled, updated_at)
            select c.round_id, c.grid_cell_id, :day, c.residents, c.exempt, c.sampled, :now
            from test_coverage_cell c where c.round_id = :rid and c.grid_cell_id = any(:cells)
            on conflict (round_id, grid_cell_id, day) do update set residents = excluded.residents,
              exempt = excluded.exempt, sampled = excluded.sampled, updated_at = excluded.updated_at""";

}

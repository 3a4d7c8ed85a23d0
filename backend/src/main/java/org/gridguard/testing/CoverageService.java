package org.gridguard.testing;

import java.io.IOException;
import java.io.StringWriter;
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
 * "Miss no one": coverage of a round at any level. Grid cells and everything above read a per-cell rollup that
 * once-only scheduled work refreshes every few seconds for the cells whose samples, results or exemptions changed
 * (and every cell of a sampling round once a minute), building by building: compound and building rows read the
 * per-building rows, cells and everything above the per-cell ones; households inside one cell are counted live from
 * the same SQL. See ADRs 0010 and 0018.
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

    /** How often the rollup is refreshed; "off" in the test profile, where tests refresh it themselves. */
    @ConfigProperty(name = "gridguard.testing.coverage-every", defaultValue = "2s")
    String every;

    @ConfigProperty(name = "gridguard.testing.coverage-full-every", defaultValue = "60s")
    Duration fullEvery;

    // ---------- the rollup ----------

    void markDirty(UUID roundId, UUID cellId) {
        if (cellId == null) {
            return;
        }
        em.createNativeQuery("insert into test_dirty_cell (round_id, grid_cell_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, roundId).setParameter(2, cellId).executeUpdate();
    }

    void markDirty(UUID roundId, UUID[] cells) {
        em.createNativeQuery("""
                insert into test_dirty_cell (round_id, grid_cell_id) select ?1, c from unnest(cast(?2 as uuid[])) c
                where c is not null on conflict do nothing""")
                .setParameter(1, roundId).setParameter(2, cells).executeUpdate();
    }

    /** Every grid cell of the scope: inside a scope node, or holding one (a compound or building scope). */
    void markAllDirty(Round r) {
        em.createNativeQuery("""
                insert into test_dirty_cell (round_id, grid_cell_id)
                select ?1, n.id from area_node n where n.kind = 'GRID_CELL' and n.community_id = any(cast(?2 as uuid[]))
                  and (n.path like any(cast(?3 as text[]))
                       or exists (select 1 from unnest(cast(?4 as text[])) sp where sp like n.path || '%'))
                on conflict do nothing""")
                .setParameter(1, r.id()).setParameter(2, r.communities()).setParameter(3, r.patterns())
                .setParameter(4, r.scopePaths().toArray(String[]::new)).executeUpdate();
    }

    @Scheduled(every = "${gridguard.testing.coverage-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        Instant now = clock.instant();
        onceOnly.run(JOB, OnceOnly.windowStart(now, DurationConverter.parseDuration(every)), this::refreshNow);
    }

    /**
     * Recomputes the dirty cells (at most 2,000 per call) of every round, in the caller's transaction. The dirty rows
     * are claimed (deleted) first in a short transaction of their own (ADR 0015): a sample or a lab batch marking a
     * cell dirty while it is being recomputed then inserts a fresh dirty row at once instead of waiting for the whole
     * recomputation to commit, and the next call picks that cell up again. If the recomputation fails, its cells are
     * re-marked; failing that, the periodic full refresh re-marks every cell whose row is older than the period.
     */
    @Transactional
    public Map<String, Object> refreshNow() {
        Instant now = clock.instant();
        List<Object[]> dirty = QuarkusTransaction.requiringNew().call(() -> claim(now));
        try {
            return recompute(now, dirty);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Object[] d : dirty) {
                    markDirty((UUID) d[0], (UUID) d[1]);
                }
            });
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> claim(Instant now) {
        em.createNativeQuery("""
                insert into test_dirty_cell (round_id, grid_cell_id)
                select c.round_id, c.grid_cell_id from test_coverage_cell c join test_round r on r.id = c.round_id
                where r.status = 'SAMPLING' and c.refreshed_at < ?1 on conflict do nothing""")
                .setParameter(1, now.minus(fullEvery)).executeUpdate();
        return em.createNativeQuery("""
                delete from test_dirty_cell d using (select round_id, grid_cell_id from test_dirty_cell
                  order by round_id, grid_cell_id limit 2000 for update skip locked) x
                where d.round_id = x.round_id and d.grid_cell_id = x.grid_cell_id returning d.round_id, d.grid_cell_id""")
                .getResultList();
    }

    private Map<String, Object> recompute(Instant now, List<Object[]> dirty) {
        Map<UUID, List<UUID>> byRound = new LinkedHashMap<>();
        for (Object[] d : dirty) {
            byRound.computeIfAbsent((UUID) d[0], k -> new ArrayList<>()).add((UUID) d[1]);
        }
        int cells = 0;
        if (!dirty.isEmpty()) {
            // a refresh of many cells costs enough for PostgreSQL to JIT-compile it on every tick: ~1 s of CPU
            // for ~800 cells on the bench city, for a statement that runs in a few seconds (ADR 0018)
            em.createNativeQuery("set local jit = off").executeUpdate();
        }
        for (var e : byRound.entrySet()) {
            Round r = rounds.byId(e.getKey()).orElse(null);
            if (r == null) {
                continue;
            }
            UUID[] ids = e.getValue().toArray(UUID[]::new);
            em.createNativeQuery("delete from test_coverage_cell where round_id = ?1 and grid_cell_id = any(cast(?2 as uuid[]))")
                    .setParameter(1, r.id()).setParameter(2, ids).executeUpdate();
            em.createNativeQuery("delete from test_coverage_building where round_id = ?1 and grid_cell_id = any(cast(?2 as uuid[]))")
                    .setParameter(1, r.id()).setParameter(2, ids).executeUpdate();
            Map<String, Object> p = new HashMap<>();
            // counted building by building (ADR 0018); the cell's row is the sum of its buildings' rows
            String counts = countSql(r, List.of("r.grid_cell_id", "h.compound_id", "h.building_id"), p, ids, null);
            p.put("now", now);
            var q = em.createNativeQuery("""
                    with x as (""" + counts + """
                    ), b as (insert into test_coverage_building (round_id, grid_cell_id, compound_id, building_id, residents,
                      exempt, expected, sampled, makeup, pending, negative, positive, refreshed_at)
                      select cast(:rid as uuid), x.k1, x.k2, x.k3, x.residents, x.exempt, x.residents - x.exempt, x.sampled,
                        x.makeup, x.pending, x.negative, x.positive, :now from x)
                    insert into test_coverage_cell (round_id, grid_cell_id, community_id, residents, exempt, expected,
                      sampled, makeup, pending, negative, positive, refreshed_at)
                    select cast(:rid as uuid), x.k1, n.community_id, sum(x.residents), sum(x.exempt),
                      sum(x.residents - x.exempt), sum(x.sampled), sum(x.makeup), sum(x.pending), sum(x.negative),
                      sum(x.positive), :now
                    from x join area_node n on n.id = x.k1 group by x.k1, n.community_id""");
            p.forEach(q::setParameter);
            cells += q.executeUpdate();
        }
        return Map.of("rounds", byRound.size(), "cells", cells);
    }

    /**
     * The one count of the feature: living residents of the round's scope in {@code cells} (optionally under
     * {@code areaPath}), grouped by {@code keys} (columns k1, k2, …), with exemptions, sampling, make-up and each
     * person's latest result. Samples are first reduced to one row per person (latest result, any make-up), so the
     * planner joins three sets of about one row per resident (ADR 0018).
     */
    static String countSql(Round r, List<String> keys, Map<String, Object> p, UUID[] cells, String areaPath) {
        p.put("rid", r.id());
        p.put("communities", r.communities());
        p.put("scope", r.patterns());
        p.put("cells", cells);
        String underArea = "";
        if (areaPath != null) {
            p.put("under", areaPath + "%");
            underArea = " and path like :under";
        }
        StringBuilder select = new StringBuilder(), group = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            select.append(", ").append(keys.get(i)).append(" as k").append(i + 1);
            group.append(i == 0 ? "" : ", ").append("res.k").append(i + 1);
        }
        return """
                with res as (
                  select r.id%s from resident r join household h on h.id = r.household_id
                  where r.grid_cell_id = any(cast(:cells as uuid[])) and r.community_id = any(cast(:communities as uuid[]))
                    and r.status = 'LIVING'
                    and r.area_id in (select id from area_node where path like any(cast(:scope as text[]))%s)),
                ex as (select e.resident_id from test_exemption e
                  where e.round_id = :rid and e.grid_cell_id = any(cast(:cells as uuid[]))),
                smp as (select s.resident_id,
                    (array_agg(t.result order by s.sampled_at desc, s.created_at desc))[1] as result,
                    bool_or(s.kind = 'MAKEUP') as makeup
                  from test_sample s join test_tube t on t.id = s.tube_id
                  where s.round_id = :rid and s.grid_cell_id = any(cast(:cells as uuid[])) and s.resident_id is not null
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

    @Transactional
    public Coverage coverage(UUID roundId, UUID areaId, Level level) {
        RoundRepository.WithPrevious rp = rounds.visibleWithPrevious(roundId);
        Round r = rp.round();
        Area area = areaId == null ? null : roundService.area(areaId);
        if (area != null && !jurisdiction.overlaps(area.path())) {
            throw ApiProblem.notFound("Area node");
        }
        Level lv = level != null ? level : defaultLevel(area);
        if (area != null && rank(lv.name()) < rank(area.kind())) {
            throw ApiProblem.invalid("level", "must be at or below the level of areaId (" + area.kind() + ")");
        }
        Result cur = rows(r, area, lv);
        PreviousRound prev = null;
        Map<UUID, Double> prevPct = new HashMap<>();
        var before = rp.previous();
        if (before.isPresent()) {
            Result pr = rows(before.get(), area, lv);
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

    private Result rows(Round r, Area area, Level lv) {
        return rank(lv.name()) <= rank("GRID_CELL") ? fromRollup(r, area, lv) : live(r, area, lv);
    }

    /** Community, zone and grid-cell rows: sums of the per-cell rollup. */
    private Result fromRollup(Round r, Area area, Level lv) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select anc.id, anc.name, sum(c.residents), sum(c.exempt), sum(c.sampled), sum(c.makeup), sum(c.pending),
                  sum(c.negative), sum(c.positive), min(c.refreshed_at)
                from test_coverage_cell c join area_node cell on cell.id = c.grid_cell_id
                join area_node anc on anc.id = any(cast(string_to_array(trim(both '/' from cell.path), '/') as uuid[]))
                  and anc.kind = :level
                where c.round_id = :rid""");
        p.put("rid", r.id());
        p.put("level", lv.name());
        if (area != null) {
            // the cells under the area, or the one cell holding it
            sql.append(" and (cell.path like :under or :apath like cell.path || '%')");
            p.put("under", area.path() + "%");
            p.put("apath", area.path());
        }
        if (!jurisdiction.isGlobal()) {
            sql.append(" and cell.path like any(cast(:jur as text[]))");
            p.put("jur", jurisdiction.likePatterns());
        }
        sql.append(" group by anc.id, anc.name, anc.code order by anc.code");
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return summed(rows, lv);
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

    /**
     * Compound, building and household rows inside one grid cell: compounds and buildings are sums of the
     * per-building rollup (ADR 0018), households are counted live.
     */
    private Result live(Round r, Area area, Level lv) {
        if (area == null || rank(area.kind()) < rank("GRID_CELL")) {
            throw ApiProblem.invalid("areaId", "compound, building and household rows need a grid cell (or below) as areaId");
        }
        if (!jurisdiction.covers(area.path())) {
            throw ApiProblem.notFound("Area node");
        }
        UUID cell = cellOf(area);
        if (lv != Level.HOUSEHOLD) {
            return fromBuildings(r, area, cell, lv);
        }
        Map<String, Object> p = new HashMap<>();
        String counts = countSql(r, List.of("h.id"), p, new UUID[] { cell }, area.path());
        var q = em.createNativeQuery("select x.*, nm.name from (" + counts + ") x"
                + " left join household hh on hh.id = x.k1 left join area_node nb on nb.id = hh.building_id"
                + " left join lateral (select concat_ws(' ', nb.name, hh.door_number) as name, concat(nb.code, '/', hh.door_number) as code) nm on true"
                + " order by nm.code nulls last, x.k1");
        p.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<CoverageRow> out = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Object[] x : rows) {
            Figures f = Figures.of(n(x[1]), n(x[2]), n(x[3]), n(x[4]), n(x[5]), n(x[6]), n(x[7]));
            out.add(new CoverageRow((UUID) x[0], lv, x[8] == null ? "-" : (String) x[8], f, null));
            total = total.plus(f);
        }
        return new Result(out, total, clock.instant());
    }

    /** Compound or building rows of one cell (under a compound or building areaId): sums of the per-building rollup. */
    private Result fromBuildings(Round r, Area area, UUID cell, Level lv) {
        String key = lv == Level.COMPOUND ? "b.compound_id" : "b.building_id";
        String under = switch (area.kind()) {
            case "COMPOUND" -> " and b.compound_id = ?3";
            case "BUILDING" -> " and b.building_id = ?3";
            default -> "";
        };
        var q = em.createNativeQuery("""
                select x.k, a.name, x.residents, x.exempt, x.sampled, x.makeup, x.pending, x.negative, x.positive, x.at
                from (select %s as k, sum(b.residents) as residents, sum(b.exempt) as exempt, sum(b.sampled) as sampled,
                  sum(b.makeup) as makeup, sum(b.pending) as pending, sum(b.negative) as negative,
                  sum(b.positive) as positive, min(b.refreshed_at) as at
                  from test_coverage_building b where b.round_id = ?1 and b.grid_cell_id = ?2%s group by 1) x
                left join area_node a on a.id = x.k order by a.code nulls last, x.k""".formatted(key, under))
                .setParameter(1, r.id()).setParameter(2, cell);
        if (!under.isEmpty()) {
            q.setParameter(3, area.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return summed(rows, lv);
    }

    private UUID cellOf(Area a) {
        if (a.kind().equals("GRID_CELL")) {
            return a.id();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from area_node where kind = 'GRID_CELL'
                  and id = any(cast(string_to_array(trim(both '/' from ?1), '/') as uuid[]))""")
                .setParameter(1, a.path()).getResultList();
        if (ids.isEmpty()) {
            throw ApiProblem.invalid("areaId", "is not inside a grid cell");
        }
        return ids.get(0);
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

package org.gridguard.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Csv;
import org.gridguard.common.Cursor;
import org.gridguard.common.Jdbc;
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


/**
 * "Miss no one": coverage of a round at any level, read from the rollup that {@link CoverageRollup} keeps (ADRs 0018,
 * 0019). Grid cells and everything above read the cell rows, compounds and buildings the building rows; households
 * inside one cell are counted live. Every answer says how old its figures are (ADR 0023): as of the oldest change of
 * the round still queued for the rollup, and stale past the budget.
 */
@ApplicationScoped
public class CoverageService {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RoundRepository rounds;
    @Inject
    RoundService roundService;
    @Inject
    Jdbc jdbc;

    /** Figures older than this are stale: the answer says so, and how far behind they are. */
    @ConfigProperty(name = "gridguard.testing.coverage-budget", defaultValue = "5s")
    Duration budget;

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
                  select r.id%s from census_resident r join census_household h on h.id = r.household_id
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
        // households are counted live: their figures are as of the read; the rollup's as of its oldest queued change
        RoundRepository.Age age = lv == Level.HOUSEHOLD ? new RoundRepository.Age(rp.age().readAt(), rp.age().readAt())
                : rp.age();
        long lag = age.lagSeconds();
        return new Coverage(r.id(), areaId, lv, cur.total, out, age.asOf(), lag > budget.toSeconds(), lag, prev);
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

    record Result(List<CoverageRow> rows, Figures total) {
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
        List<Object> args = new ArrayList<>(List.of(lv.name(), r.id()));
        StringBuilder sql = new StringBuilder("""
                select anc.id, anc.name, sum(c.residents), sum(c.exempt), sum(c.sampled), sum(c.makeup), sum(c.pending),
                  sum(c.negative), sum(c.positive)
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
     * Rows of a rollup read — (id, name, residents, exempt, sampled, makeup, pending, negative, positive) — with
     * their total.
     */
    private static Result summed(List<Object[]> rows, Level lv) {
        List<CoverageRow> out = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Object[] x : rows) {
            Figures f = Figures.of(n(x[2]), n(x[3]), n(x[4]), n(x[5]), n(x[6]), n(x[7]), n(x[8]));
            out.add(new CoverageRow((UUID) x[0], lv, x[1] == null ? "-" : (String) x[1], f, null));
            total = total.plus(f);
        }
        return new Result(out, total);
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
                select x.k, a.name, x.residents, x.exempt, x.sampled, x.makeup, x.pending, x.negative, x.positive
                from (select %s as k, sum(b.residents) as residents, sum(b.exempt) as exempt, sum(b.sampled) as sampled,
                  sum(b.makeup) as makeup, sum(b.pending) as pending, sum(b.negative) as negative,
                  sum(b.positive) as positive
                  from test_coverage_building b where b.round_id = ? and b.grid_cell_id = ?%s group by 1
                  having sum(b.residents) > 0) x
                left join area_node a on a.id = x.k order by a.code nulls last, x.k""".formatted(key, under);
        Object[] args = under.isEmpty() ? new Object[] { r.id(), cell } : new Object[] { r.id(), cell, area.id() };
        return summed(Jdbc.rows(c, sql, args), lv);
    }

    /** Household rows inside one cell, counted live ({@link #countSql}). */
    private Result households(Connection c, Round r, Area area, UUID cell) throws SQLException {
        List<Object> args = new ArrayList<>();
        String counts = countSql(r, List.of("h.id"), args, new UUID[] { cell }, area.path());
        List<Object[]> rows = Jdbc.rows(c, "select x.*, nm.name from (" + counts + ") x"
                + " left join census_household hh on hh.id = x.k1 left join area_node nb on nb.id = hh.building_id"
                + " left join lateral (select concat_ws(' ', nb.name, hh.door_number) as name, concat(nb.code, '/', hh.door_number) as code) nm on true"
                + " order by nm.code nulls last, x.k1", args.toArray());
        List<CoverageRow> out = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (Object[] x : rows) {
            Figures f = Figures.of(n(x[1]), n(x[2]), n(x[3]), n(x[4]), n(x[5]), n(x[6]), n(x[7]));
            out.add(new CoverageRow((UUID) x[0], Level.HOUSEHOLD, x[8] == null ? "-" : (String) x[8], f, null));
            total = total.plus(f);
        }
        return new Result(out, total);
    }

    static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** The coverage table as CSV (UTF-8 with BOM, for Excel). */
    public String csv(Coverage c) {
        return Csv.excel(new String[] { "areaId", "level", "name", "residents", "exempt", "expected", "sampled",
                "makeup", "missing", "pending", "negative", "positive", "coveragePct", "previousCoveragePct" }, csv -> {
                    for (CoverageRow r : c.rows()) {
                        printRow(csv, r.areaId(), r.level(), r.name(), r.figures(),
                                r.previousCoveragePct() == null ? "" : r.previousCoveragePct());
                    }
                    printRow(csv, "", "TOTAL", "", c.total(),
                            c.previous() == null ? "" : c.previous().figures().coveragePct());
                });
    }

    /** One line of the coverage CSV: the area, its figures, and the previous round's coverage. */
    private static void printRow(CSVPrinter csv, Object areaId, Object level, Object name, Figures f,
            Object previousCoveragePct) throws IOException {
        csv.printRecord(areaId, level, name, f.residents(), f.exempt(), f.expected(), f.sampled(), f.makeup(),
                f.missing(), f.pending(), f.negative(), f.positive(), f.coveragePct(), previousCoveragePct);
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
                from census_resident r join census_household h on h.id = r.household_id left join area_node b on b.id = h.building_id
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
            p.put("c2", Cursor.uuid(c.get(2)));
        }
        sql.append(" order by coalesce(b.code, ''), h.door_number, r.id limit :lim");
        p.put("lim", lim + 1);
        List<Object[]> rows = Rows.list(em, sql, p);
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
                + visible + poolIn(cells) + "),"
                + " (select count(*) from test_task t join test_round r on r.id = t.round_id where t.kind = 'RETEST' and t.status = 'OPEN'"
                + visible + cells.formatted("t.grid_cell_id", "t.grid_cell_id") + "),"
                + " (select count(*) from test_unmatched_result u join test_round r on r.id = u.round_id where u.resolved_at is null"
                + visible + "),"
                + " (select row(coalesce(sum(c.residents), 0), coalesce(sum(c.exempt), 0), coalesce(sum(c.sampled), 0),"
                + "   coalesce(sum(c.makeup), 0), coalesce(sum(c.pending), 0), coalesce(sum(c.negative), 0),"
                + "   coalesce(sum(c.positive), 0))::text from test_coverage_cell c join test_round r on r.id = c.round_id"
                + " where r.status = 'SAMPLING'" + visible + cells.formatted("c.grid_cell_id", "c.grid_cell_id") + "),"
                // the figures are as of the oldest change still queued of any of those rounds (ADR 0023)
                + " coalesce((select min(" + CoverageRollup.oldestQueued("r.id") + ") from test_round r"
                + " where r.status = 'SAMPLING'" + visible + "), statement_timestamp()), statement_timestamp()";
        var q = em.createNativeQuery(sql);
        p.forEach(q::setParameter);
        Object[] x = (Object[]) q.getSingleResult();
        String[] f = ((String) x[5]).replaceAll("[()]", "").split(",");
        Figures figures = Figures.of(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
        RoundRepository.Age age = new RoundRepository.Age(Rows.instant(x[6]), Rows.instant(x[7]));
        long lag = age.lagSeconds();
        return new Metrics(n(x[0]), n(x[1]), n(x[2]), n(x[3]), n(x[4]), figures, age.asOf(), lag > budget.toSeconds(), lag);
    }

    /** A pool (alias t) counts in every cell it holds people of: a central site's pool may pool several (ADR 0028). */
    private static String poolIn(String cells) {
        return cells.isEmpty() ? "" : " and exists (select 1 from test_sample s where s.tube_id = t.id"
                + cells.formatted("coalesce(s.grid_cell_id, t.grid_cell_id)", "coalesce(s.grid_cell_id, t.grid_cell_id)") + ")";
    }
}

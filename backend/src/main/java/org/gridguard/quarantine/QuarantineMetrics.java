package org.gridguard.quarantine;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVPrinter;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Csv;
import org.gridguard.common.Rows;
import org.gridguard.quarantine.QuarantineMetricsViews.ActiveByKind;
import org.gridguard.quarantine.QuarantineMetricsViews.DayMetrics;
import org.gridguard.quarantine.QuarantineMetricsViews.Metrics;
import org.gridguard.quarantine.VisitRules.Span;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.TemperatureReadings;

/**
 * The daily report of quarantine for an area node: per day orders in force by kind, started, released, sent to
 * hospital, visit windows due / done / missed, FEVER and SYMPTOM alerts of people under an order, and breaches. One
 * set-based statement (ADR 0037): the orders of the area within the caller's reach ({@link QuarantineReach}), spread over
 * the days they ran and the windows of their kind ({@link VisitWindows}), with their events, alerts and breaches, as
 * (day, figure, count) rows.
 */
@ApplicationScoped
public class QuarantineMetrics {

    static final int MAX_RANGE_DAYS = 92;

    /** The figures as columns of {@code long[]}: the three kinds (active), then these. */
    static final List<String> FIGURES = List.of("HOME_ISOLATION", "HOME_MONITORING", "CENTRAL_ISOLATION", "started",
            "released", "hospital", "visitsDone", "visitsMissed", "fevers", "symptoms", "breaches");

    private static final String SQL = """
            with o as (
              select o.id, o.kind, o.resident_id, o.starts_on, o.ends_on, o.created_at, o.released_at
              from quarantine_order o join area_node an on an.id = o.area_id
              where an.path like :area and %s
            ),
            d as (
              select cast(g as date) as day,
                     cast(g as timestamp) at time zone :zone as day_start,
                     cast(g + interval '1 day' as timestamp) at time zone :zone as day_end
              from generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 day') g
            ),
            od as (
              select o.*, d.day, d.day_end from o join d on d.day between o.starts_on and o.ends_on
              where o.released_at is null or o.released_at > d.day_start
            ),
            w as (
              select od.id, od.day, w.slot, od.released_at,
                     cast(od.day + w.ends_at as timestamp) at time zone :zone as ends_at,
                     exists (select 1 from quarantine_visit v where v.order_id = od.id and v.visit_date = od.day
                             and v.slot = w.slot) as done
              from od join unnest(cast(:kinds as text[]), cast(:slots as text[]), cast(:starts as time[]), cast(:ends as time[]))
                   as w(kind, slot, starts_at, ends_at) on w.kind = od.kind
              where od.created_at < cast(od.day + w.ends_at as timestamp) at time zone :zone
                and (od.released_at is null or od.released_at > cast(od.day + w.starts_at as timestamp) at time zone :zone)
            )
            select day, kind, count(*) from od where released_at is null or released_at >= day_end group by day, kind
            union all
            select day, case when done then 'visitsDone' else 'visitsMissed' end, count(*) from w
            where done or (ends_at <= :now and (released_at is null or released_at > ends_at)) group by 1, 2
            union all
            select cast(e.at at time zone :zone as date),
                   case when e.action = 'CREATED' then 'started' when e.to_status = 'RELEASED' then 'released' else 'hospital' end,
                   count(*)
            from quarantine_order_event e join o on o.id = e.order_id
            where e.at >= :fromStart and e.at < :toEnd
              and (e.action = 'CREATED' or e.from_status = 'ACTIVE' and e.to_status in ('RELEASED', 'HOSPITAL'))
            group by 1, 2
            union all
            select cast(a.raised_at at time zone :zone as date), case when a.kind = :fever then 'fevers' else 'symptoms' end,
                   count(*)
            from alert_raised a
            where a.kind in (:fever, :symptom) and a.raised_at >= :fromStart and a.raised_at < :toEnd
              and (a.subject_type = 'QUARANTINE_ORDER' and a.subject_id in (select id from o)
                   or a.kind = :fever and a.subject_type = 'RESIDENT' and exists (
                      select 1 from od where od.resident_id = a.subject_id
                        and od.day = cast(a.raised_at at time zone :zone as date)
                        and (od.released_at is null or od.released_at > a.raised_at)))
            group by 1, 2
            union all
            select cast(b.at at time zone :zone as date), 'breaches', count(*)
            from quarantine_breach b join o on o.id = b.order_id
            where b.at >= :fromStart and b.at < :toEnd
            group by 1
            """;

    @Inject
    EntityManager em;
    @Inject
    QuarantineReach reach;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    VisitWindows windows;
    @Inject
    TemperatureReadings readings;
    @Inject
    Clock clock;

    @Transactional
    public Metrics metrics(UUID areaId, LocalDate from, LocalDate to) {
        UUID area = areaId == null ? topNode() : areaId;
        String path = reachablePath(area);
        Instant now = clock.instant();
        LocalDate t = Objects.requireNonNullElse(to, windows.day(now));
        LocalDate f = Objects.requireNonNullElse(from, t.minusDays(6));
        checkRange(f, t);
        Map<LocalDate, long[]> days = count(path, f, t, now, true);
        List<DayMetrics> out = new ArrayList<>();
        long[] sum = new long[FIGURES.size()];
        for (Map.Entry<LocalDate, long[]> e : days.entrySet()) {
            long[] v = e.getValue();
            for (int i = 3; i < sum.length; i++) {
                sum[i] += v[i];
            }
            System.arraycopy(v, 0, sum, 0, 3); // active as of the last day
            out.add(day(e.getKey(), v));
        }
        return new Metrics(area, f, t, out, day(null, sum));
    }

    /** The area node's path, or 404 when there is none or it is out of the caller's reach. */
    private String reachablePath(UUID area) {
        String path = area == null ? null : path(area);
        if (path != null && jurisdiction.covers(path)) {
            return path;
        }
        throw ApiProblem.notFound("Area node");
    }

    /** {@code to} before {@code from} is 400; more than {@link #MAX_RANGE_DAYS} days is 422. */
    private static void checkRange(LocalDate f, LocalDate t) {
        if (f.isAfter(t)) {
            throw ApiProblem.invalid("to", "must not be before from (" + f + ")");
        }
        long days = ChronoUnit.DAYS.between(f, t) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw ApiProblem.unprocessable("range-too-long", "The range from " + f + " to " + t + " spans " + days
                    + " days, more than " + MAX_RANGE_DAYS + "; ask for at most " + MAX_RANGE_DAYS + " days at a time");
        }
    }

    /** The caller's own top node: the highest of their assigned nodes, or the root of the tree for an admin. */
    private UUID topNode() {
        if (jurisdiction.isGlobal()) {
            List<?> roots = em.createNativeQuery("select id from area_node where parent_id is null order by path limit 1")
                    .getResultList();
            return roots.isEmpty() ? null : (UUID) roots.get(0);
        }
        return jurisdiction.scopes().stream().min(java.util.Comparator.comparingInt((Jurisdiction.Scope s) -> s.path().length())
                .thenComparing(Jurisdiction.Scope::path)).map(Jurisdiction.Scope::nodeId).orElse(null);
    }

    private String path(UUID id) {
        List<?> rows = em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /**
     * The daily report's figures ({@link QuarantineDailySection}): per day, as columns of {@link #FIGURES}, over the orders
     * of the people living under {@code path}, without the caller's reach (the report checked that the caller sees the
     * node).
     */
    Map<LocalDate, long[]> daily(String path, LocalDate f, LocalDate t) {
        return count(path, f, t, clock.instant(), false);
    }

    private Map<LocalDate, long[]> count(String path, LocalDate f, LocalDate t, Instant now, boolean callersReach) {
        Map<String, Object> p = new HashMap<>();
        String reachSql = callersReach ? reach.predicate("o", p) : "true";
        p.put("area", path + "%");
        p.put("zone", windows.zone().getId());
        p.put("from", f.toString());
        p.put("to", t.toString());
        p.put("fromStart", f.atStartOfDay(windows.zone()).toInstant());
        p.put("toEnd", t.plusDays(1).atStartOfDay(windows.zone()).toInstant());
        p.put("now", now);
        p.put("fever", readings.feverKind().code());
        p.put("symptom", VisitAlerts.SYMPTOM.code());
        List<String> kinds = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (String kind : VisitWindows.KINDS) {
            for (Span s : windows.spans(kind)) {
                kinds.add(kind);
                slots.add(s.slot().name());
                starts.add(s.start().toString());
                ends.add(s.end().toString());
            }
        }
        p.put("kinds", kinds.toArray(String[]::new));
        p.put("slots", slots.toArray(String[]::new));
        p.put("starts", starts.toArray(String[]::new));
        p.put("ends", ends.toArray(String[]::new));
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = f; !d.isAfter(t); d = d.plusDays(1)) {
            days.put(d, new long[FIGURES.size()]);
        }
        for (Object[] r : Rows.list(em, SQL.formatted(reachSql), p)) {
            long[] v = days.get(date(r[0]));
            int i = FIGURES.indexOf((String) r[1]);
            if (v != null && i >= 0) {
                v[i] += ((Number) r[2]).longValue();
            }
        }
        return days;
    }

    private static LocalDate date(Object o) {
        return o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }

    private static DayMetrics day(LocalDate d, long[] v) {
        return new DayMetrics(d, new ActiveByKind(v[0], v[1], v[2]), v[3], v[4], v[5], v[6] + v[7], v[6], v[7], v[8], v[9], v[10]);
    }

    /** One row per day and a total row, like the other metrics' CSV (common.Csv). */
    public static String csv(Metrics m) {
        return Csv.excel(new String[] { "date", "activeHomeIsolation", "activeHomeMonitoring", "activeCentralIsolation", "started",
                "released", "hospital", "visitsDue", "visitsDone", "visitsMissed", "fevers", "symptoms", "breaches" }, p -> {
                    for (DayMetrics d : m.days()) {
                        row(p, d.date().toString(), d);
                    }
                    row(p, "total", m.totals());
                });
    }

    private static void row(CSVPrinter p, String label, DayMetrics d) throws IOException {
        ActiveByKind a = d.active();
        p.printRecord(label, a.homeIsolation(), a.homeMonitoring(), a.centralIsolation(), d.started(), d.released(), d.hospital(),
                d.visitsDue(), d.visitsDone(), d.visitsMissed(), d.fevers(), d.symptoms(), d.breaches());
    }
}

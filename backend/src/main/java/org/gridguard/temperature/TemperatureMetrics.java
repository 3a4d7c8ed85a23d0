package org.gridguard.temperature;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridguard.common.ApiProblem;
import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.TemperatureViews.DayMetrics;
import org.gridguard.temperature.TemperatureViews.Metrics;
import org.gridguard.temperature.TemperatureViews.ReportWindow;

/**
 * Per day, for any area node: registrations, fevers, FEVER alerts open and closed, and the report compliance
 * of people under watch (reports received ÷ reports due, counting only windows that have closed).
 */
@ApplicationScoped
public class TemperatureMetrics {

    static final int MAX_RANGE_DAYS = 92;

    @Inject
    CheckRepository checks;
    @Inject
    WatchRepository watches;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    ReportWindows windows;
    @Inject
    Clock clock;

    @Transactional
    public Metrics metrics(UUID areaId, LocalDate from, LocalDate to) {
        if (areaId == null) {
            throw ApiProblem.invalid("areaId", "is required");
        }
        String path = checks.areaPath(areaId);
        if (path == null || !jurisdiction.covers(path)) {
            throw ApiProblem.notFound("Area node");
        }
        Instant now = clock.instant();
        LocalDate t = to != null ? to : windows.day(now);
        LocalDate f = from != null ? from : t.minusDays(6);
        if (t.isBefore(f)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (f.plusDays(MAX_RANGE_DAYS).isBefore(t)) {
            throw ApiProblem.invalid("to", "the range may span at most " + MAX_RANGE_DAYS + " days");
        }
        Map<LocalDate, long[]> days = count(path + "%", f, t, now);
        List<DayMetrics> out = new ArrayList<>();
        long[] sum = new long[6];
        for (Map.Entry<LocalDate, long[]> e : days.entrySet()) {
            long[] v = e.getValue();
            for (int i = 0; i < 6; i++) {
                sum[i] += v[i];
            }
            out.add(day(e.getKey(), v));
        }
        return new Metrics(areaId, f, t, out, day(null, sum));
    }

    /** Per day: registrations, fevers, alerts open, alerts closed, reports due, reports received. */
    private Map<LocalDate, long[]> count(String like, LocalDate f, LocalDate t, Instant now) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = f; !d.isAfter(t); d = d.plusDays(1)) {
            days.put(d, new long[6]);
        }
        for (Object[] r : checks.dailyRegistrations(like, f, t)) {
            long[] v = days.get(TemperatureReads.date(r[0]));
            v[0] = ((Number) r[1]).longValue();
            v[1] = ((Number) r[2]).longValue();
        }
        for (Object[] r : checks.dailyFeverAlerts(like, f.atStartOfDay(windows.zone()).toInstant(),
                t.plusDays(1).atStartOfDay(windows.zone()).toInstant(), windows.zone().getId())) {
            long[] v = days.get(TemperatureReads.date(r[0]));
            if (v != null) {
                v[2] = ((Number) r[1]).longValue();
                v[3] = ((Number) r[2]).longValue();
            }
        }
        for (Object[] r : watches.reportsDueAndReceived(like, f, t)) {
            LocalDate d = TemperatureReads.date(r[0]);
            if (windows.closes(d, ReportWindow.valueOf((String) r[1])).isAfter(now)) {
                continue; // not due yet
            }
            long[] v = days.get(d);
            v[4] += ((Number) r[2]).longValue();
            v[5] += ((Number) r[3]).longValue();
        }
        return days;
    }

    static DayMetrics day(LocalDate d, long[] v) {
        Double rate = v[4] == 0 ? null : Math.round(10000.0 * v[5] / v[4]) / 10000.0;
        return new DayMetrics(d, v[0], v[1], v[2], v[3], v[4], v[5], v[4] - v[5], rate);
    }

    /** The duty metrics' CSV convention: commons-csv, a header, one row per day and a total row. */
    public static String csv(Metrics m) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("date", "registrations", "fevers",
                "alertsOpen", "alertsClosed", "reportsDue", "reportsReceived", "missing", "complianceRate").get())) {
            for (DayMetrics d : m.days()) {
                row(p, d.date().toString(), d);
            }
            row(p, "total", m.totals());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void row(CSVPrinter p, String label, DayMetrics d) throws IOException {
        p.printRecord(label, d.registrations(), d.fevers(), d.alertsOpen(), d.alertsClosed(), d.reportsDue(),
                d.reportsReceived(), d.missing(), d.complianceRate() == null ? "" : d.complianceRate());
    }
}

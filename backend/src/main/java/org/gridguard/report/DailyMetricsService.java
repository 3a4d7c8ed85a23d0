package org.gridguard.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.area.AreaPeriod;
import org.gridguard.common.Csv;
import org.gridguard.report.ReportViews.DailyMetrics;
import org.gridguard.report.ReportViews.DayValues;
import org.gridguard.report.ReportViews.MeasureView;

/** The daily report's live figures as a time series, for partners' own dashboards. */
@ApplicationScoped
public class DailyMetricsService {

    @Inject
    AreaPeriod areaPeriod;
    @Inject
    Sections sections;

    @Transactional
    public DailyMetrics series(UUID areaId, LocalDate from, LocalDate to, String measures) {
        List<Measure> asked = asked(measures);
        AreaPeriod.Window w = areaPeriod.resolve(areaId, from, to);
        Map<LocalDate, Map<String, BigDecimal>> values = sections.values(w.path() == null ? "/" : w.path(), w.first(), w.last());
        List<DayValues> days = new ArrayList<>();
        values.forEach((day, all) -> {
            Map<String, Object> some = new LinkedHashMap<>(); // BigDecimal or null (the contract: NullableFigure)
            asked.forEach(m -> some.put(m.key(), all.get(m.key())));
            days.add(new DayValues(day, some));
        });
        return new DailyMetrics(w.areaId(), w.first(), w.last(),
                asked.stream().map(m -> new MeasureView(m.key(), m.labelZh(), m.labelEn(), m.kind(), m.unit())).toList(), days);
    }

    /** The measures named (comma-separated), or all; 422 naming the first unknown one. */
    private List<Measure> asked(String measures) {
        Map<String, Measure> all = sections.measures();
        if (measures == null || measures.isBlank()) {
            return List.copyOf(all.values());
        }
        List<Measure> out = new ArrayList<>();
        for (String key : measures.split(",")) {
            Measure m = all.get(key.strip());
            if (m == null) {
                throw ReportRules.unprocessable("measures", "unknown measure: " + key.strip()
                        + " (the daily report's measures are listed by this endpoint without measures)");
            }
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** date,measure,value: one row per day and measure; an empty value for a ratio whose denominator is 0. */
    public static String csv(DailyMetrics metrics) {
        return Csv.excel(new String[] { "date", "measure", "value" }, csv -> {
            for (DayValues d : metrics.days()) {
                for (Map.Entry<String, Object> e : d.values().entrySet()) {
                    csv.printRecord(d.date(), e.getKey(), e.getValue() == null ? "" : ((BigDecimal) e.getValue()).toPlainString());
                }
            }
        });
    }
}

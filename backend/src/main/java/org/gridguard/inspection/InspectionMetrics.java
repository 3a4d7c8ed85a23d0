package org.gridguard.inspection;

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
import org.gridguard.disinfection.Disinfections;
import org.gridguard.enterprise.Enterprises;
import org.gridguard.inspection.InspectionMetricsViews.DisinfectionFigures;
import org.gridguard.inspection.InspectionMetricsViews.EnterpriseFigures;
import org.gridguard.inspection.InspectionMetricsViews.ItemFigures;
import org.gridguard.inspection.InspectionMetricsViews.Metrics;
import org.gridguard.inspection.InspectionMetricsViews.TemplateFigures;

/**
 * Inspections in figures for an area node and days (issue 19 part 7): inspections and pass rates by template and
 * item, open and overdue tasks, enterprises resumed against checked the same day, disinfection rounds due and done;
 * each from its own port over the same area path and period.
 */
@ApplicationScoped
public class InspectionMetrics {

    @Inject
    AreaPeriod period;
    @Inject
    Inspections inspections;
    @Inject
    Enterprises enterprises;
    @Inject
    Disinfections disinfections;

    @Transactional
    public Metrics metrics(UUID areaId, LocalDate from, LocalDate to) {
        AreaPeriod.Window w = period.resolve(areaId, from, to);
        Inspections.Figures f = inspections.figures(w.path(), w.start(), w.end());
        Disinfections.Figures d = disinfections.figures(w.path(), w.start(), w.end());
        return new Metrics(w.areaId(), w.first(), w.last(), f.inspections(), f.passed(), f.failed(),
                rate(f.passed(), f.inspections()), f.openTasks(), f.overdueTasks(),
                byTemplate(inspections.itemRates(w.path(), w.start(), w.end())), enterprises(w),
                new DisinfectionFigures(d.roundsDue(), d.roundsDone(), d.missed(), d.areaM2()));
    }

    /** 当天复工当天上门核查: of the enterprises resumed in the period, those first inspected on the day they resumed. */
    private EnterpriseFigures enterprises(AreaPeriod.Window w) {
        List<Enterprises.EnterpriseRef> resumed = enterprises.resumedBetween(w.path(), w.first(), w.last());
        Map<UUID, LocalDate> first = inspections.firstInspectionDay(resumed.stream().map(Enterprises.EnterpriseRef::id).toList());
        long sameDay = resumed.stream().filter(e -> e.resumedOn().equals(first.get(e.id()))).count();
        long never = resumed.stream().filter(e -> !first.containsKey(e.id())).count();
        return new EnterpriseFigures(resumed.size(), sameDay, never);
    }

    static List<TemplateFigures> byTemplate(List<Inspections.ItemRate> rates) {
        Map<UUID, List<Inspections.ItemRate>> byVersion = new LinkedHashMap<>();
        rates.forEach(r -> byVersion.computeIfAbsent(r.templateId(), k -> new ArrayList<>()).add(r));
        List<TemplateFigures> out = new ArrayList<>();
        byVersion.forEach((id, items) -> {
            Inspections.ItemRate head = items.get(0);
            long answered = items.stream().mapToLong(Inspections.ItemRate::answered).sum();
            long passed = items.stream().mapToLong(Inspections.ItemRate::passed).sum();
            long failed = items.stream().mapToLong(Inspections.ItemRate::failed).sum();
            out.add(new TemplateFigures(id, head.templateName(), head.version(), answered, passed, failed,
                    rate(passed, passed + failed), items.stream().map(i -> new ItemFigures(i.itemId(), i.itemText(),
                            i.severity(), i.answered(), i.passed(), i.failed(), i.notApplicable(),
                            rate(i.passed(), i.passed() + i.failed()))).toList()));
        });
        return out;
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** One row per figure: section, figure, value (a spreadsheet reads it as it is). */
    public static String csv(Metrics m) {
        List<Object[]> rows = new ArrayList<>();
        figure(rows, "inspections", "inspections", m.inspections());
        figure(rows, "inspections", "passed", m.passed());
        figure(rows, "inspections", "failed", m.failed());
        figure(rows, "inspections", "passRate", m.passRate());
        figure(rows, "tasks", "open", m.openTasks());
        figure(rows, "tasks", "overdue", m.overdueTasks());
        for (TemplateFigures t : m.byTemplate()) {
            String name = t.templateName() + " v" + t.version();
            figure(rows, "template", name + ".passRate", t.passRate());
            t.items().forEach(i -> figure(rows, "item", name + " · " + i.itemText() + ".passRate", i.passRate()));
        }
        EnterpriseFigures e = m.enterprises();
        figure(rows, "enterprises", "resumed", e.resumed());
        figure(rows, "enterprises", "checkedSameDay", e.checkedSameDay());
        figure(rows, "enterprises", "notChecked", e.notChecked());
        DisinfectionFigures d = m.disinfection();
        figure(rows, "disinfection", "roundsDue", d.roundsDue());
        figure(rows, "disinfection", "roundsDone", d.roundsDone());
        figure(rows, "disinfection", "missed", d.missed());
        figure(rows, "disinfection", "areaM2", d.areaM2().toPlainString());
        return Csv.excel(new String[] { "areaId", "from", "to", "section", "figure", "value" }, p -> {
            for (Object[] r : rows) {
                p.printRecord(m.areaId(), m.from(), m.to(), r[0], r[1], r[2]);
            }
        });
    }

    private static void figure(List<Object[]> rows, String section, String figure, Object value) {
        rows.add(new Object[] { section, figure, value == null ? "" : value });
    }
}

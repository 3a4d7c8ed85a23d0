package org.gridguard.care;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVPrinter;
import org.gridguard.area.AreaPeriod;
import org.gridguard.care.CareMetricsViews.MedianHours;
import org.gridguard.care.CareMetricsViews.Metrics;
import org.gridguard.care.CareMetricsViews.NeedFigures;
import org.gridguard.care.CareMetricsViews.PlanFigures;
import org.gridguard.care.CareMetricsViews.StockFigures;
import org.gridguard.common.Csv;
import org.gridguard.need.Needs;
import org.gridguard.supply.Stock;

/**
 * Care and supplies in figures for an area node and days (issue 18 part 6): the needs register's, the care plans' and
 * the stock's, each from its own port over the same area path and period.
 */
@ApplicationScoped
public class CareMetrics {

    @Inject
    AreaPeriod period;
    @Inject
    Needs needs;
    @Inject
    CarePlans plans;
    @Inject
    Stock stock;

    @Transactional
    public Metrics metrics(UUID areaId, LocalDate from, LocalDate to) {
        AreaPeriod.Window w = period.resolve(areaId, from, to);
        Needs.Figures n = needs.figures(w.path(), w.start(), w.end());
        Map<Needs.Urgency, Double> m = n.medianHoursToDelivery();
        CarePlans.Figures c = plans.figures(w.path(), w.start(), w.end());
        List<StockFigures> s = stock.figures(w.path(), w.start(), w.end()).stream()
                .map(f -> new StockFigures(f.category(), f.onHand(), f.issued())).toList();
        return new Metrics(w.areaId(), w.first(), w.last(),
                new NeedFigures(n.opened(), n.delivered(), n.cancelled(), n.open(), n.overdue(), new MedianHours(
                        m.get(Needs.Urgency.URGENT_MEDICAL), m.get(Needs.Urgency.TODAY), m.get(Needs.Urgency.ROUTINE))),
                new PlanFigures(c.activePlans(), c.withoutPlan(), c.visitsDue(), c.visitsDone(), c.missedAlerts()), s);
    }

    /** One row per figure: section, figure, value (a spreadsheet reads it as it is). */
    public static String csv(Metrics m) {
        return Csv.excel(new String[] { "areaId", "from", "to", "section", "figure", "value" }, p -> {
            NeedFigures n = m.needs();
            row(p, m, "needs", "opened", n.opened());
            row(p, m, "needs", "delivered", n.delivered());
            row(p, m, "needs", "cancelled", n.cancelled());
            row(p, m, "needs", "open", n.open());
            row(p, m, "needs", "overdue", n.overdue());
            row(p, m, "needs", "medianHoursToDelivery.URGENT_MEDICAL", n.medianHoursToDelivery().urgentMedical());
            row(p, m, "needs", "medianHoursToDelivery.TODAY", n.medianHoursToDelivery().today());
            row(p, m, "needs", "medianHoursToDelivery.ROUTINE", n.medianHoursToDelivery().routine());
            PlanFigures c = m.care();
            row(p, m, "care", "activePlans", c.activePlans());
            row(p, m, "care", "withoutPlan", c.withoutPlan());
            row(p, m, "care", "visitsDue", c.visitsDue());
            row(p, m, "care", "visitsDone", c.visitsDone());
            row(p, m, "care", "missedAlerts", c.missedAlerts());
            for (StockFigures s : m.stock()) {
                row(p, m, "stock", s.category() + ".onHand", s.onHand().toPlainString());
                row(p, m, "stock", s.category() + ".issued", s.issued().toPlainString());
            }
        });
    }

    private static void row(CSVPrinter p, Metrics m, String section, String figure, Object value) throws IOException {
        p.printRecord(m.areaId(), m.from(), m.to(), section, figure, value == null ? "" : value);
    }
}

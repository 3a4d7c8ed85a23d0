package org.gridguard.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Rows;
import org.gridguard.delivery.Deliveries;
import org.gridguard.need.Needs;
import org.gridguard.report.DailySection;
import org.gridguard.report.DayFigures;
import org.gridguard.report.Measure;

/**
 * 关爱与物资, the care section of the daily report: the needs register's needs raised, delivered and cancelled that
 * day and overdue at its end (through {@link Needs}), the delivery runs that went out (through {@link Deliveries}),
 * the people under a one-to-one care plan at the day's end (from the plans' start and end), and the care visits done
 * and missed (CARE_MISSED alerts raised).
 */
@ApplicationScoped
public class CareDailySection implements DailySection {

    private static final String K = "care.";

    private static final List<Measure> MEASURES = List.of(
            Measure.count(K + "needsRaised", "新增诉求", "Needs raised"),
            Measure.count(K + "needsDelivered", "已送达诉求", "Needs delivered"),
            Measure.count(K + "needsCancelled", "已取消诉求", "Needs cancelled"),
            Measure.level(K + "needsOverdue", "超时未送达诉求", "Needs overdue"),
            Measure.count(K + "deliveryRuns", "配送趟次", "Delivery runs"),
            Measure.level(K + "carePlansActive", "一对一关爱对象", "People with a care plan"),
            Measure.count(K + "careVisitsDone", "已关爱走访", "Care visits done"),
            Measure.count(K + "careVisitsMissed", "漏访提醒", "Care visits missed"));

    @Inject
    Needs needs;
    @Inject
    Deliveries deliveries;
    @Inject
    CareRepository repo;
    @Inject
    Clock clock;

    @Override
    public String key() {
        return "care";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String titleZh() {
        return "关爱与物资";
    }

    @Override
    public String titleEn() {
        return "Care and supplies";
    }

    @Override
    @Transactional
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        ZoneId zone = clock.getZone();
        String area = path == null ? "" : path;
        DayFigures out = new DayFigures(this, first, last, LocalDate.now(clock));
        needs.daily(area, first, last).forEach(c -> out.add(c.day(), K + "needs" + capital(c.figure()), c.count()));
        deliveries.runsStarted(area, first, last).forEach((day, n) -> out.add(day, K + "deliveryRuns", n));
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        out.addRows(repo.doneAndMissedByDay(area, from, to, zone));
        List<Object[]> plans = repo.plansDuring(area, from, to);
        Instant now = clock.instant();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
            Instant at = end.isAfter(now) ? now : end;
            out.add(d, K + "carePlansActive", plans.stream().filter(p -> activeAt(p, at)).count());
        }
        return out.map();
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    /** A plan (started, ended, …) was active at the instant: the day's end, or now for today. */
    private static boolean activeAt(Object[] plan, Instant at) {
        Instant ended = Rows.instant(plan[1]);
        return Rows.instant(plan[0]).isBefore(at) && (ended == null || ended.isAfter(at));
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

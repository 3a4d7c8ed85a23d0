package org.gridguard.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.disinfection.Disinfections;
import org.gridguard.enterprise.Enterprises;
import org.gridguard.report.DailySection;
import org.gridguard.report.DayFigures;
import org.gridguard.report.Measure;

/**
 * 督查与消杀, the inspections section of the daily report: inspections done and failed, rectification and first-check
 * tasks opened, closed and overdue at the day's end, enterprises resuming work that day and of them those inspected the
 * same day (当天复工当天核查, through {@link Enterprises}), disinfection rounds done and slots missed (through
 * {@link Disinfections}).
 */
@ApplicationScoped
public class InspectionDailySection implements DailySection {

    private static final String K = "inspections.";

    private static final List<Measure> MEASURES = List.of(
            Measure.count(K + "inspectionsDone", "督查次数", "Inspections done"),
            Measure.count(K + "inspectionsFailed", "不合格次数", "Inspections failed"),
            Measure.count(K + "tasksOpened", "新增整改任务", "Tasks opened"),
            Measure.count(K + "tasksClosed", "完成整改任务", "Tasks closed"),
            Measure.level(K + "tasksOverdue", "逾期任务", "Tasks overdue"),
            Measure.count(K + "enterprisesResumed", "复工企业", "Enterprises resumed"),
            Measure.count(K + "enterprisesChecked", "当天核查企业", "Enterprises checked the same day"),
            Measure.ratio(K + "checkRate", "当天核查率", "Checked the same day", K + "enterprisesChecked", K + "enterprisesResumed"),
            Measure.count(K + "disinfectionDone", "消杀次数", "Disinfection rounds done"),
            Measure.count(K + "disinfectionMissed", "漏消杀", "Disinfection rounds missed"));

    @Inject
    InspectionRepository inspections;
    @Inject
    TaskRepository tasks;
    @Inject
    Enterprises enterprises;
    @Inject
    Disinfections disinfections;
    @Inject
    Clock clock;

    @Override
    public String key() {
        return "inspections";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String titleZh() {
        return "督查与消杀";
    }

    @Override
    public String titleEn() {
        return "Inspections and disinfection";
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    @Transactional
    public Map<LocalDate, Map<String, Long>> figures(String path, LocalDate first, LocalDate last) {
        String area = path == null ? "" : path;
        ZoneId zone = clock.getZone();
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        DayFigures out = new DayFigures(this, first, last, LocalDate.now(clock));
        out.addRows(inspections.doneAndFailedByDay(area, from, to, zone));
        out.addRows(tasks.byDay(area, first, last, clock.instant(), zone));
        List<Enterprises.EnterpriseRef> resumed = enterprises.resumedBetween(area, first, last);
        Set<List<Object>> checked = inspections.enterpriseDays(resumed.stream().map(Enterprises.EnterpriseRef::id).toList(),
                from, to, zone);
        for (Enterprises.EnterpriseRef e : resumed) {
            out.add(e.resumedOn(), K + "enterprisesResumed", 1);
            out.add(e.resumedOn(), K + "enterprisesChecked", checked.contains(List.of(e.id(), e.resumedOn())) ? 1 : 0);
        }
        disinfections.daily(area, first, last).forEach(c -> out.add(c.day(), K + "disinfection" + (c.figure().equals("done")
                ? "Done" : "Missed"), c.count()));
        return out.map();
    }
}

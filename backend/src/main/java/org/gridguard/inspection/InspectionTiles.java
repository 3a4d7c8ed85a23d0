package org.gridguard.inspection;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.TimeConfig;
import org.gridguard.enterprise.Enterprises;
import org.gridguard.report.DashboardTiles;

/**
 * The inspection tiles of a leader's, supervisor's or inspector's landing screen: tasks past their due time, and the
 * enterprises resuming work today that nobody has inspected yet today (当天复工当天核查). None for a grid worker.
 */
@ApplicationScoped
public class InspectionTiles implements DashboardTiles {

    @Inject
    TaskRepository tasks;
    @Inject
    InspectionRepository inspections;
    @Inject
    Enterprises enterprises;
    @Inject
    TimeConfig time;

    @Override
    public String key() {
        return "inspections";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    @Transactional
    public List<Tile> tiles(Viewer v) {
        if (v.worker()) {
            return List.of();
        }
        long overdue = tasks.counts(v.path(), v.now())[1];
        ZoneId zone = time.zone();
        List<Enterprises.EnterpriseRef> resuming = enterprises.resumedBetween(v.path(), v.today(), v.today());
        Set<List<Object>> checked = inspections.enterpriseDays(resuming.stream().map(Enterprises.EnterpriseRef::id).toList(),
                v.today().atStartOfDay(zone).toInstant(), v.today().plusDays(1).atStartOfDay(zone).toInstant(), zone);
        long unchecked = resuming.stream().filter(e -> !checked.contains(List.of(e.id(), v.today()))).count();
        return List.of(new Tile("inspections.tasksOverdue", "逾期整改任务", "Tasks overdue", overdue, null,
                overdue > 0 ? Severity.DANGER : Severity.OK, "/inspection-tasks", false),
                new Tile("inspections.resumingUnchecked", "今日复工待核查", "Resuming today, not yet checked", unchecked,
                        (long) resuming.size(), unchecked > 0 ? Severity.WARN : Severity.OK, "/enterprises", false));
    }
}

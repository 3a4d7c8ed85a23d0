package org.gridguard.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.alert.Alerts;
import org.gridguard.common.Rows;
import org.gridguard.inspection.InspectionViews.TaskKind;

import io.quarkus.scheduler.Scheduled;

/**
 * Every minute: the first-check tasks of the enterprises resuming today are opened; an open task past its due time
 * becomes OVERDUE and raises ONE alert (INSPECTION_TASK_OVERDUE for a rectification, ENTERPRISE_CHECK_MISSED for a
 * first check) for the place's leaders and the supervisor. The status change and the dedupe key make it once per task,
 * on every API instance.
 */
@ApplicationScoped
public class InspectionSweep {

    @Inject
    Clock clock;
    @Inject
    TaskRepository tasks;
    @Inject
    FirstChecks firstChecks;
    @Inject
    Alerts alerts;

    @Scheduled(every = "${gridguard.inspections.sweep-every}", delay = 55, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweep();
    }

    /** @return how many alerts this call raised */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        firstChecks.open(now);
        List<Alerts.Raise> raises = new ArrayList<>();
        for (Object[] r : tasks.markOverdue(now)) {
            UUID task = (UUID) r[0];
            boolean rectify = TaskKind.RECTIFY.name().equals(r[1]);
            String label = r[4] == null ? (String) r[2] : r[2] + " · " + r[4];
            raises.add(new Alerts.Raise(rectify ? InspectionAlerts.TASK_OVERDUE : InspectionAlerts.CHECK_MISSED,
                    "INSPECTION_TASK", task, label, (UUID) r[3], "inspection-task:" + task,
                    Map.of("taskId", task.toString(), "placeKind", r[5], "placeId", r[6].toString(), "dueAt",
                            Rows.instant(r[7]).toString())));
        }
        alerts.raiseAll(raises, "system");
        return raises.size();
    }
}

package org.gridguard.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.Rows;
import org.gridguard.common.TimeConfig;
import org.gridguard.enterprise.Enterprises;

/**
 * 当天复工当天上门核查: an enterprise resuming work today gets one FIRST_CHECK task due at the end of the business day;
 * an inspection of it that day closes the task (also one made before the task was opened).
 */
@ApplicationScoped
public class FirstChecks {

    @Inject
    TaskRepository tasks;
    @Inject
    TimeConfig time;
    @Inject
    Enterprises enterprises;

    /** Opens today's first checks (once per enterprise and day), in the caller's transaction; answers how many are new. */
    int open(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, time.zone());
        int opened = 0;
        for (Enterprises.EnterpriseRef e : enterprises.resumingOn(today)) {
            if (tasks.insertFirstCheck(e.id(), e.name(), e.areaId(), today, InspectionRules.endOfDay(today, time.zone()))) {
                opened++;
                Object[] done = tasks.inspectionOn(e.id(), today, time.zone().getId());
                if (done != null) {
                    tasks.closeFirstChecks(e.id(), today, (UUID) done[0], Rows.instant(done[1]));
                }
            }
        }
        return opened;
    }
}

package org.gridguard.inspection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.common.TimeConfig;

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

    /** Opens today's first checks (once per enterprise and day), in the caller's transaction; answers how many are new. */
    int open(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, time.zone());
        return 0;
    }
}

package org.gridguard.care;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.Port;
import org.gridguard.common.Rows;

/**
 * The care plans' port, for the care metrics ({@code /api/v1/metrics/care}): figures over the residents whose home is
 * within an area. It applies no reach: the caller has checked that its own caller sees the area.
 */
@Port
@ApplicationScoped
public class CarePlans {

    public record Figures(long activePlans, long withoutPlan, long visitsDue, long visitsDone, long missedAlerts) {
    }

    @Inject
    CareRepository repo;
    @Inject
    Clock clock;

    /**
     * Over residents whose home is within areaPath (an area_node path prefix; null = everything), for [from, to):
     * active plans now, vulnerable living residents without a plan now, care visits due in the period (by each plan's
     * visit cadence over the days it was active, see {@link CareRules#visitsDue}) and done, CARE_MISSED alerts raised.
     */
    @Transactional
    public Figures figures(String areaPath, Instant from, Instant to) {
        long[] now = repo.coverageNow(areaPath);
        long due = 0;
        for (Object[] r : repo.plansDuring(areaPath, from, to)) {
            due += CareRules.visitsDue(Rows.instant(r[0]), Rows.instant(r[1]),
                    from, to, ((Number) r[2]).intValue(), clock.getZone());
        }
        long[] done = repo.doneAndMissed(areaPath, from, to);
        return new Figures(now[0], now[1], due, done[0], done[1]);
    }
}

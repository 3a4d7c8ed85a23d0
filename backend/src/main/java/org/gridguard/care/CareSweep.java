package org.gridguard.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.alert.Alerts;
import org.gridguard.common.OnceOnly;
import org.gridguard.common.Rows;
import org.gridguard.need.Needs;

import io.quarkus.scheduler.Scheduled;

/**
 * Missed care: once per hour across all API instances (an OnceOnly claim per hour), one CARE_MISSED alert per active
 * plan whose visit or delivery cadence is exceeded, for the leaders of the resident's cell, at most one per plan and day
 * (the alert's dedupe key is the plan and the day).
 */
@ApplicationScoped
public class CareSweep {

    public static final String JOB = "care-missed";

    @Inject
    Clock clock;
    @Inject
    CareRepository repo;
    @Inject
    Needs deliveries;
    @Inject
    OnceOnly onceOnly;
    @Inject
    Alerts alerts;

    @Scheduled(every = "${gridguard.care.sweep-every:15m}", delay = 50, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweep();
    }

    /** @return true if this call did the sweep of the current hour (false: another call or instance already had) */
    public boolean sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        return onceOnly.run(JOB, now.truncatedTo(ChronoUnit.HOURS), () -> Map.of("day", today.toString(), "raised", raise(today)));
    }

    /** Runs inside the once-only claim's transaction: the alerts of every plan overdue today, in two statements. */
    int raise(LocalDate today) {
        List<Object[]> plans = repo.activeForSweep();
        Map<UUID, Instant> delivered = deliveries.lastDelivered(plans.stream().map(r -> (UUID) r[2]).distinct().toList());
        ZoneId zone = clock.getZone();
        List<Alerts.Raise> raises = new ArrayList<>();
        for (Object[] r : plans) {
            UUID plan = (UUID) r[0];
            LocalDate start = CareRules.day(Rows.instant(r[3]), zone);
            LocalDate visitDue = CareRules.nextDue(start, CareRules.day(Rows.instant(r[6]), zone),
                    ((Number) r[4]).intValue());
            LocalDate deliveryDue = CareRules.nextDue(start, CareRules.day(delivered.get((UUID) r[2]), zone),
                    ((Number) r[5]).intValue());
            boolean visitMissed = CareRules.missed(visitDue, today);
            boolean deliveryMissed = CareRules.missed(deliveryDue, today);
            if (visitMissed || deliveryMissed) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("planId", plan.toString());
                d.put("date", today.toString());
                d.put("visitDue", visitDue.toString());
                d.put("visitMissed", visitMissed);
                d.put("deliveryDue", deliveryDue.toString());
                d.put("deliveryMissed", deliveryMissed);
                raises.add(new Alerts.Raise(CareAlerts.CARE_MISSED, "CARE_PLAN", plan, r[7] + " · " + r[8] + " · "
                        + (visitMissed ? "visit due " + visitDue : "delivery due " + deliveryDue), (UUID) r[1],
                        CareRules.missedKey(plan, today), d));
            }
        }
        alerts.raiseAll(raises, "system");
        return raises.size();
    }
}

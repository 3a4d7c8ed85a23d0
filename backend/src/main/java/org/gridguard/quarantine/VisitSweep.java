package org.gridguard.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.alert.Alerts;
import org.gridguard.common.OnceOnly;
import org.gridguard.quarantine.VisitViews.Slot;
import org.gridguard.quarantine.VisitWindows.Window;
import org.gridguard.webhook.WebhookOutbox;

import io.quarkus.scheduler.Scheduled;

/**
 * When visit windows close: once across all API instances (an OnceOnly claim per closing instant), one VISIT_MISSED
 * alert per order and window without a visit, for the leaders of the order's cell, and the webhook
 * quarantine.visit_missed. A late visit closes its window's alert (VisitService).
 */
@ApplicationScoped
public class VisitSweep {

    public static final String JOB = "quarantine-visit-missed";

    @Inject
    Clock clock;
    @Inject
    VisitWindows windows;
    @Inject
    VisitRepository repo;
    @Inject
    OnceOnly onceOnly;
    @Inject
    Alerts alerts;
    @Inject
    WebhookOutbox outbox;

    @Scheduled(every = "${gridguard.quarantine.visit-sweep-every:60s}", delay = 40,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweep();
    }

    /**
     * The windows that closed last at or before now, once across instances.
     *
     * @return true if this call did the sweep (false: another call or instance already had, or no window closed yet)
     */
    public boolean sweep() {
        List<Window> closed = windows.lastClosed(clock.instant());
        if (closed.isEmpty()) {
            return false;
        }
        Window first = closed.get(0);
        return onceOnly.run(JOB, first.end(), () -> Map.of("day", first.day().toString(), "raised", raise(first.day(), closed)));
    }

    /** Runs inside the once-only claim's transaction: all alerts in two statements, then one webhook per alert. */
    int raise(LocalDate day, List<Window> closed) {
        List<Object[]> rows = repo.missed(day, closed);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Alerts.Raise> raises = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            UUID order = (UUID) r[0];
            Slot slot = Slot.valueOf((String) r[5]);
            raises.add(new Alerts.Raise(VisitAlerts.VISIT_MISSED, "QUARANTINE_ORDER", order,
                    r[2] + " " + day + (slot == Slot.MORNING ? " 上午" : " 下午") + " · " + r[1], (UUID) r[3],
                    VisitRules.missedKey(order, day, slot), details(r, day, slot)));
        }
        List<UUID> ids = alerts.raiseAll(raises, "system");
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            Map<String, Object> payload = details(r, day, Slot.valueOf((String) r[5]));
            payload.put("alertId", ids.get(i));
            outbox.enqueue(VisitEvents.VISIT_MISSED, (String) r[4], payload);
        }
        return rows.size();
    }

    private static Map<String, Object> details(Object[] r, LocalDate day, Slot slot) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("orderId", r[0].toString());
        d.put("orderNumber", r[1]);
        d.put("date", day.toString());
        d.put("window", slot.name());
        return d;
    }
}

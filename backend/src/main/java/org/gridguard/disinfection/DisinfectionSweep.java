package org.gridguard.disinfection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gridguard.alert.Alerts;
import org.gridguard.common.OnceOnly;
import org.gridguard.common.Rows;
import org.gridguard.disinfection.DisinfectionRules.Slot;

import io.quarkus.scheduler.Scheduled;

/**
 * Missed disinfection rounds: once per minute across all API instances (an OnceOnly claim), every slot of the last two
 * days whose window has passed without a round at its place is claimed once (a row per schedule and slot) and raises
 * one DISINFECTION_MISSED alert for the leaders of the place's area — never twice for the same slot.
 */
@ApplicationScoped
public class DisinfectionSweep {

    public static final String JOB = "disinfection-missed";
    /** How far back a sweep looks: an instance down for less than this still alerts the slots it missed. */
    static final Duration HORIZON = Duration.ofDays(2);

    @Inject
    Clock clock;
    @Inject
    DisinfectionRepository repo;
    @Inject
    OnceOnly onceOnly;
    @Inject
    Alerts alerts;

    @Scheduled(every = "${gridguard.disinfection.sweep-every:5m}", delay = 55,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        sweep();
    }

    /** @return true if this call did the sweep of the current minute (false: another call or instance already had) */
    public boolean sweep() {
        Instant now = clock.instant();
        return onceOnly.run(JOB, now.truncatedTo(ChronoUnit.MINUTES), () -> Map.of("raised", raise(now)));
    }

    /** Runs inside the once-only claim's transaction: claims the missed slots, then raises their alerts together. */
    int raise(Instant now) {
        Instant since = now.minus(HORIZON);
        Map<UUID, Object[]> schedules = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        List<String> slots = new ArrayList<>(), starts = new ArrayList<>(), ends = new ArrayList<>();
        for (Object[] r : repo.aliveBetween(null, since.minus(Duration.ofMinutes(DisinfectionRules.MAX_TOLERANCE)), now)) {
            schedules.put((UUID) r[0], r);
            for (Slot s : DisinfectionRules.owedBetween(r, since.minus(Duration.ofDays(1)), now, clock.getZone())) {
                if (s.end().isBefore(now) && s.end().isAfter(since)) {
                    ids.add((UUID) r[0]);
                    slots.add(s.at().toString());
                    starts.add(s.start().toString());
                    ends.add(s.end().toString());
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        List<Alerts.Raise> raises = new ArrayList<>();
        for (Object[] m : repo.claimMissed(ids.toArray(UUID[]::new), slots.toArray(String[]::new),
                starts.toArray(String[]::new), ends.toArray(String[]::new), now)) {
            Object[] s = schedules.get((UUID) m[0]);
            Instant slot = Rows.instant(m[1]);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("scheduleId", s[0].toString());
            d.put("placeKind", s[1]);
            d.put("placeId", s[2].toString());
            d.put("slotAt", slot.toString());
            String label = s[3] + " · " + slot.atZone(clock.getZone()).toLocalDateTime().toString().replace('T', ' ')
                    + " 消杀";
            raises.add(new Alerts.Raise(DisinfectionAlerts.DISINFECTION_MISSED, "DISINFECTION_SCHEDULE", (UUID) s[0], label,
                    (UUID) s[4], DisinfectionRules.missedKey((UUID) s[0], slot), d));
        }
        alerts.raiseAll(raises, "system");
        return raises.size();
    }
}

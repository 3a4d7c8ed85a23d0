package org.gridguard.common;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/** Daily clean-up, once per business day across all instances: idempotency records, old once-only claims. */
@ApplicationScoped
public class Housekeeping {

    @Inject
    OnceOnly onceOnly;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    /** Once-only claims are kept this long (the coverage refresh alone claims a window every second). */
    static final Duration CLAIMS_KEPT = Duration.ofDays(7);

    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        var day = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        onceOnly.run("idempotency-purge", day, () -> Map.of("purged", idempotency.purge(),
                "claimsPruned", onceOnly.prune(day.minus(CLAIMS_KEPT))));
    }
}

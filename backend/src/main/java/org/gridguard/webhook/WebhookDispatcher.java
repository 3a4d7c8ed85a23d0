package org.gridguard.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gridguard.security.pii.PiiCipher;
import org.gridguard.common.OnceOnly;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends queued deliveries. Each tick claims due rows with {@code FOR UPDATE SKIP LOCKED} (two instances never
 * claim the same row) and pushes their due time one lease ahead, so a delivery whose instance dies mid-way
 * becomes due again after the lease: at-least-once, receivers deduplicate by event id. Each attempt checks the
 * URL again (fresh DNS), POSTs the signed body, and is recorded; a failure is retried after an exponential
 * backoff with jitter until {@code max-attempts}. All state is in the database, so a restart loses nothing.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    record Claimed(UUID id, UUID subscriptionId, UUID eventId, String eventType, String body, int attempts, String url,
            String secret, UUID token) {
    }

    @Inject
    DeliveryRepository deliveries;

    @Inject
    Clock clock;

    @Inject
    CallbackPolicy policy;

    @Inject
    WebhookSender sender;

    @Inject
    PiiCipher cipher;

    @Inject
    OnceOnly onceOnly;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "gridguard.webhooks.batch")
    int batch;

    @ConfigProperty(name = "gridguard.webhooks.max-attempts")
    int maxAttempts;

    @ConfigProperty(name = "gridguard.webhooks.backoff-base")
    Duration backoffBase;

    @ConfigProperty(name = "gridguard.webhooks.backoff-max")
    Duration backoffMax;

    @ConfigProperty(name = "gridguard.webhooks.lease")
    Duration lease;

    @ConfigProperty(name = "gridguard.webhooks.timeout")
    Duration timeout;

    @Scheduled(every = "${gridguard.webhooks.poll-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            while (deliverDue() == batch) {
                // a full batch: there may be more due right now
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook delivery tick failed: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * One round: claims up to {@code batch} due deliveries, sends them in parallel, records the outcomes.
     *
     * @return how many deliveries were attempted
     */
    public int deliverDue() {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<WebhookSender.Outcome>> running = new ArrayList<>();
        List<Instant> started = new ArrayList<>();
        long[] elapsedMs = new long[claimed.size()];
        for (int i = 0; i < claimed.size(); i++) {
            int k = i;
            long t0 = System.nanoTime();
            started.add(clock.instant());
            running.add(send(claimed.get(i))
                    .whenComplete((o, e) -> elapsedMs[k] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
        }
        for (int i = 0; i < claimed.size(); i++) {
            WebhookSender.Outcome outcome;
            try {
                outcome = running.get(i).get(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                outcome = new WebhookSender.Outcome(null, "timed out");
            }
            Claimed c = claimed.get(i);
            WebhookSender.Outcome o = outcome;
            Instant at = started.get(i);
            int ms = (int) Math.min(Integer.MAX_VALUE, elapsedMs[i]);
            QuarkusTransaction.requiringNew().run(() -> record(c, at, o, ms));
        }
        return claimed.size();
    }

    private CompletableFuture<WebhookSender.Outcome> send(Claimed c) {
        CallbackPolicy.Target target;
        try {
            target = policy.check(c.url());
        } catch (CallbackPolicy.Refused r) {
            return CompletableFuture.completedFuture(new WebhookSender.Outcome(null, "refused by the allow-list: " + r.getMessage()));
        }
        long t = clock.instant().getEpochSecond();
        return sender.post(target, c.body(), Map.of(WebhookSignature.HEADER, WebhookSignature.header(c.secret(), t, c.body()),
                "GridGuard-Event-Id", c.eventId().toString(), "GridGuard-Event-Type", c.eventType(),
                "GridGuard-Delivery-Id", c.id().toString(), "GridGuard-Attempt", Integer.toString(c.attempts() + 1)));
    }

    List<Claimed> claim() {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        List<Object[]> rows = deliveries.claim(now, now.plus(lease), token, batch);
        List<Claimed> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Claimed((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), (String) r[6], cipher.decrypt((String) r[7]), token));
        }
        return out;
    }

    void record(Claimed c, Instant at, WebhookSender.Outcome o, int durationMs) {
        int attempt = c.attempts() + 1;
        Instant now = clock.instant();
        String status;
        Instant next;
        if (o.delivered()) {
            status = "DELIVERED";
            next = now;
        } else if (attempt >= maxAttempts) {
            status = "FAILED";
            next = now;
        } else {
            status = "PENDING";
            next = now.plus(backoff(attempt));
        }
        // only the holder of the claim records (a lease that ran out may have been claimed again)
        int updated = deliveries.recordOutcome(c, attempt, status, next, o, now);
        if (updated == 0) {
            return;
        }
        deliveries.insertAttempt(c.id(), attempt, at, o, durationMs, onceOnly.instanceId());
        metrics.counter("gridguard.webhooks.attempts", "result", status.toLowerCase()).increment();
    }

    /** Exponential backoff with "equal jitter": attempt n waits base·2^(n-1) capped, times a random factor in [0.5, 1). */
    Duration backoff(int attempt) {
        long cap = backoffMax.toMillis();
        long exp = backoffBase.toMillis() << Math.min(30, attempt - 1);
        long full = Math.min(cap, exp < 0 ? cap : exp);
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, full - full / 2)));
    }
}

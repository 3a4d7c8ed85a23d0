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
import jakarta.persistence.EntityManager;

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
    EntityManager em;

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

    @SuppressWarnings("unchecked")
    List<Claimed> claim() {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        List<Object[]> rows = em.createNativeQuery("""
                update webhook_delivery d set next_attempt_at = ?2, claim_token = ?3
                from (select id from webhook_delivery
                      where status = 'PENDING' and next_attempt_at <= ?1
                      order by next_attempt_at limit ?4 for update skip locked) due,
                     webhook_subscription s
                where d.id = due.id and s.id = d.subscription_id
                returning d.id, d.subscription_id, d.event_id, d.event_type, d.body, d.attempts, s.url, s.secret""")
                .setParameter(1, now).setParameter(2, now.plus(lease)).setParameter(3, token).setParameter(4, batch)
                .getResultList();
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
        int updated = em.createNativeQuery("""
                update webhook_delivery set status = ?3, attempts = ?4, next_attempt_at = ?5, claim_token = null,
                       last_status = ?6, last_error = ?7, delivered_at = case when ?3 = 'DELIVERED' then cast(?8 as timestamptz) end
                where id = ?1 and claim_token = ?2 and status = 'PENDING'""")
                .setParameter(1, c.id()).setParameter(2, c.token()).setParameter(3, status).setParameter(4, attempt)
                .setParameter(5, next).setParameter(6, o.statusCode()).setParameter(7, o.error()).setParameter(8, now)
                .executeUpdate();
        if (updated == 0) {
            return;
        }
        em.createNativeQuery("""
                insert into webhook_attempt (delivery_id, attempt, at, status_code, error, duration_ms, instance_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, c.id()).setParameter(2, attempt).setParameter(3, at).setParameter(4, o.statusCode())
                .setParameter(5, o.error()).setParameter(6, durationMs).setParameter(7, onceOnly.instanceId())
                .executeUpdate();
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

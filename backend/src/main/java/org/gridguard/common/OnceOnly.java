package org.gridguard.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Work that must happen once per window (missing reports, duty gaps, overdue alerts) claims a row unique
 * per (job, window) in the same transaction as the work. A second instance blocks on that row and then
 * skips; if the first instance dies mid-way its transaction rolls back and the next tick does the work.
 */
@ApplicationScoped
public class OnceOnly {

    private static final Logger LOG = Logger.getLogger(OnceOnly.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "gridguard.instance-id")
    String instanceId;

    /** The start of the window of length {@code every} that contains {@code now} (windows aligned on the epoch). */
    public static Instant windowStart(Instant now, Duration every) {
        long ms = every.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), ms) * ms);
    }

    /** @return true if this call did the work, false if another call (or instance) already had. */
    @Transactional
    public boolean run(String job, Instant windowStart, Supplier<Map<String, Object>> work) {
        int claimed = em.createNativeQuery("""
                insert into scheduled_claim (job, window_start, instance_id) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, job).setParameter(2, windowStart).setParameter(3, instanceId).executeUpdate();
        if (claimed == 0) {
            metrics.counter("gridguard.schedule.runs", "job", job, "result", "skipped").increment();
            return false;
        }
        Map<String, Object> outcome = work.get();
        try {
            em.createNativeQuery("update scheduled_claim set outcome = cast(?3 as jsonb) where job = ?1 and window_start = ?2")
                    .setParameter(1, job).setParameter(2, windowStart)
                    .setParameter(3, json.writeValueAsString(outcome == null ? Map.of() : outcome)).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        metrics.counter("gridguard.schedule.runs", "job", job, "result", "ran").increment();
        LOG.debugf("ran %s for window %s", job, windowStart);
        return true;
    }

    /** Forgets the claims of windows that started before {@code before} (their outcomes were kept for diagnosis). */
    @Transactional
    public int prune(Instant before) {
        return em.createNativeQuery("delete from scheduled_claim where window_start < ?1").setParameter(1, before)
                .executeUpdate();
    }

    public String instanceId() {
        return instanceId;
    }
}

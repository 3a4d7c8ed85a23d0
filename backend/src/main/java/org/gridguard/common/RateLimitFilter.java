package org.gridguard.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Per-caller token buckets (Bucket4j) for {@link RateLimited} operations. Limits are per API instance:
 * they protect each instance from one caller's burst, which is what they are for.
 */
@Singleton
public class RateLimitFilter {

    @ConfigProperty(name = "gridguard.rate-limit.expensive-per-minute")
    int defaultPerMinute;

    @Inject
    SecurityIdentity identity;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    public void limit(ContainerRequestContext ctx, ResourceInfo info) {
        if (info == null || info.getResourceMethod() == null) {
            return;
        }
        RateLimited rl = info.getResourceMethod().getAnnotation(RateLimited.class);
        if (rl == null) {
            return;
        }
        int perMinute = rl.perMinute() > 0 ? rl.perMinute() : defaultPerMinute;
        String caller = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String key = caller + "|" + info.getResourceClass().getName() + "#" + info.getResourceMethod().getName();
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
            throw ApiProblem.tooMany(wait);
        }
    }

    /** For tests that need a fresh allowance. */
    public void reset() {
        buckets.clear();
    }
}

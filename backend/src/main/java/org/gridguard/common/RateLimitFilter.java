package org.gridguard.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Per-caller token buckets (Bucket4j) for {@link RateLimited} operations and for named limit groups taken in code
 * ({@link #take(String)}). Limits are per API instance: they protect each instance from one caller's burst, which is
 * what they are for; limits that must hold across instances (running jobs) are counted in the database (ADR 0029).
 */
@Singleton
public class RateLimitFilter {

    @ConfigProperty(name = "gridguard.rate-limit.expensive-per-minute")
    int defaultPerMinute;

    @Inject
    SecurityIdentity identity;

    @Inject
    Config config;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    public void limit(ContainerRequestContext ctx, ResourceInfo info, HttpServerRequest request) {
        if (info == null || info.getResourceMethod() == null) {
            return;
        }
        RateLimited rl = info.getResourceMethod().getAnnotation(RateLimited.class);
        if (rl == null) {
            return;
        }
        String caller = caller(request);
        if (!rl.group().isEmpty()) {
            take(rl.group(), caller);
            return;
        }
        int perMinute = rl.perMinute() > 0 ? rl.perMinute() : defaultPerMinute;
        consume(caller, info.getResourceClass().getName() + "#" + info.getResourceMethod().getName(), perMinute,
                Duration.ofMinutes(1));
    }

    /**
     * Takes one token of the caller's bucket of a named group (gridguard.rate-limit.&lt;group&gt;.capacity per
     * gridguard.rate-limit.&lt;group&gt;.period); none left: 429 with Retry-After.
     */
    public void take(String group) {
        take(group, caller(null));
    }

    private void take(String group, String caller) {
        int capacity = config.getValue("gridguard.rate-limit." + group + ".capacity", Integer.class);
        Duration period = config.getValue("gridguard.rate-limit." + group + ".period", Duration.class);
        consume(caller, "group:" + group, capacity, period);
    }

    /** Whose bucket: the principal; for a public endpoint without login, the client's address. */
    private String caller(HttpServerRequest request) {
        if (!identity.isAnonymous()) {
            return identity.getPrincipal().getName();
        }
        return request == null || request.remoteAddress() == null ? "anonymous"
                : "address:" + request.remoteAddress().hostAddress();
    }

    private void consume(String caller, String what, int capacity, Duration period) {
        String key = caller + "|" + what;
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
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

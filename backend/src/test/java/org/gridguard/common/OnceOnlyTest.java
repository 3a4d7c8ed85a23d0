package org.gridguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Once-only claims under contention in one JVM; the two-process test is in the end-to-end tier. */
@QuarkusTest
class OnceOnlyTest {

    @Inject
    OnceOnly onceOnly;

    @Test
    void eightConcurrentCallersRunTheWorkOnce() throws Exception {
        Instant window = OnceOnly.windowStart(Instant.now(), java.time.Duration.ofMinutes(5));
        AtomicInteger work = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> c = () -> {
                go.await();
                return onceOnly.run("test-job", window, () -> {
                    work.incrementAndGet();
                    try {
                        Thread.sleep(200); // hold the claim while the others arrive
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Map.of("ok", true);
                });
            };
            results.add(pool.submit(c));
        }
        go.countDown();
        int ran = 0;
        for (Future<Boolean> f : results) {
            ran += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(work.get()).isEqualTo(1);
        assertThat(ran).isEqualTo(1);
        // the next window runs again
        assertThat(onceOnly.run("test-job", window.plusSeconds(300), () -> Map.of())).isTrue();
    }

    @Test
    void workThatFailsReleasesTheWindow() {
        Instant window = Instant.parse("2026-01-01T00:00:00Z");
        try {
            onceOnly.run("failing-job", window, () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the claim rolled back with the work
        }
        assertThat(onceOnly.run("failing-job", window, () -> Map.of())).isTrue();
    }

    @Test
    void claimsOlderThanTheCutOffAreForgottenAndNewerOnesKept() {
        Instant old = Instant.parse("2020-01-01T00:00:00Z"), kept = Instant.parse("2020-01-09T00:00:00Z");
        assertThat(onceOnly.run("prune-job", old, () -> Map.of())).isTrue();
        assertThat(onceOnly.run("prune-job", kept, () -> Map.of())).isTrue();
        assertThat(onceOnly.prune(Instant.parse("2020-01-02T00:00:00Z"))).isGreaterThanOrEqualTo(1);
        assertThat(onceOnly.run("prune-job", kept, () -> Map.of())).as("still claimed").isFalse();
        assertThat(onceOnly.run("prune-job", old, () -> Map.of())).as("forgotten").isTrue();
    }

    @Test
    void windowsAlignOnTheEpoch() {
        assertThat(OnceOnly.windowStart(Instant.parse("2026-03-01T08:07:59Z"), java.time.Duration.ofMinutes(5)))
                .isEqualTo(Instant.parse("2026-03-01T08:05:00Z"));
    }
}

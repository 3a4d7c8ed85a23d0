package org.gridguard.job;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** A job kind for the tests: counts in steps, reporting progress at each. */
@ApplicationScoped
public class CountingJob implements JobHandler {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public String kind() {
        return "test-count";
    }

    @Override
    public Map<String, Object> run(Context ctx) throws Exception {
        RUNS.incrementAndGet();
        int steps = ((Number) ctx.params().getOrDefault("steps", 5)).intValue();
        if (ctx.params().containsKey("fail")) {
            throw org.gridguard.common.ApiProblem.badRequest("asked to fail");
        }
        for (int i = 1; i <= steps; i++) {
            Thread.sleep(150);
            ctx.progress(i * 100 / steps, Map.of("done", i));
        }
        return Map.of("counted", steps, "resumed", ctx.resumed());
    }
}

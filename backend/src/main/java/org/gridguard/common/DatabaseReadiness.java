package org.gridguard.common;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

/**
 * Readiness of the database, answered within {@code gridguard.readiness.database-timeout} (ADR 0030). The pool's own
 * check waits as long as the database does: a frozen server kept {@code /q/health/ready} hanging and then UP. Here one
 * probe (borrow a pooled connection, validate it) runs on a thread of its own; a probe that has not answered in time
 * means DOWN, and the next poll waits on the same probe instead of starting another behind it.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "Database connections health check";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "gridguard.readiness.database-timeout", defaultValue = "2s")
    Duration timeout;

    private final AtomicReference<CompletableFuture<Boolean>> probe = new AtomicReference<>();

    @Override
    public HealthCheckResponse call() {
        CompletableFuture<Boolean> p = probe.updateAndGet(
                running -> running != null && !running.isDone() ? running : CompletableFuture.supplyAsync(this::healthy,
                        r -> {
                            Thread t = new Thread(r, "gridguard-database-probe");
                            t.setDaemon(true);
                            t.start();
                        }));
        try {
            if (Boolean.TRUE.equals(p.get(timeout.toMillis(), TimeUnit.MILLISECONDS))) {
                return HealthCheckResponse.named(NAME).up().withData("default", "UP").build();
            }
            return down("the validation of a pooled connection failed");
        } catch (TimeoutException e) {
            return down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down("the check failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private boolean healthy() {
        try {
            return dataSource.isHealthy(false);
        } catch (SQLException e) {
            return false;
        }
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named(NAME).down().withData("default", "DOWN: " + why).build();
    }
}

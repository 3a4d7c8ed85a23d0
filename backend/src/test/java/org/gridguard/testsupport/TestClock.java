package org.gridguard.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** A clock tests can set and move; follows the system clock until set. */
@ApplicationScoped
public class TestClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static volatile Instant fixed;

    public static void set(Instant at) {
        fixed = at;
    }

    public static void advance(Duration d) {
        fixed = (fixed == null ? Instant.now() : fixed).plus(d);
    }

    public static Instant instantNow() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    public static void reset() {
        fixed = null;
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant f = fixed;
                return f != null ? f : Instant.now();
            }
        };
    }
}

package org.gridguard.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an expensive operation: each caller gets a bucket of requests per minute
 * (gridguard.rate-limit.expensive-per-minute unless {@link #perMinute()} says otherwise); beyond it, 429.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    /** 0 means the configured default. */
    int perMinute() default 0;
}

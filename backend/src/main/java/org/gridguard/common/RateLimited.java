package org.gridguard.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an expensive operation: each caller gets a bucket of requests per minute
 * (gridguard.rate-limit.expensive-per-minute unless {@link #perMinute()} says otherwise); beyond it, 429.
 * With a {@link #group()}, every method of the group shares one bucket per caller, sized by
 * gridguard.rate-limit.&lt;group&gt;.capacity per gridguard.rate-limit.&lt;group&gt;.period (ADR 0029).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    /** 0 means the configured default. Ignored when {@link #group()} is set. */
    int perMinute() default 0;

    /** A named limit group (search, import, solve, clear-export, ...); empty: a bucket of this method's own. */
    String group() default "";
}

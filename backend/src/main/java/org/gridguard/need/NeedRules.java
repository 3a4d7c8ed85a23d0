package org.gridguard.need;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.gridguard.need.Needs.Status;
import org.gridguard.need.Needs.Urgency;

/**
 * The needs register's rules, pure: which status may follow which, and by when a need should be delivered (an
 * urgent medical need within its limit, a need for today by the end of its day, a routine one within its limit).
 */
public final class NeedRules {
    private NeedRules() {
    }

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.OPEN, Set.of(Status.ASSIGNED, Status.CANCELLED),
            Status.ASSIGNED, Set.of(Status.OUT_FOR_DELIVERY, Status.DELIVERED, Status.OPEN, Status.CANCELLED),
            Status.OUT_FOR_DELIVERY, Set.of(Status.DELIVERED, Status.OPEN, Status.CANCELLED),
            Status.DELIVERED, Set.of(),
            Status.CANCELLED, Set.of());

    /** Whether a need may go from {@code from} to {@code to}. */
    public static boolean canMove(Status from, Status to) {
        return NEXT.get(from).contains(to);
    }

    /** The 409 text when it may not, naming what would be allowed. */
    public static String refusal(Status from, Status to) {
        Set<Status> next = NEXT.get(from);
        return "The need is " + from + " and cannot become " + to
                + (next.isEmpty() ? " (it is closed)" : "; from " + from + " it can become " + String.join(", ",
                        next.stream().map(Enum::name).sorted().toList()));
    }

    /** Whether the status is final. */
    public static boolean closed(Status s) {
        return s == Status.DELIVERED || s == Status.CANCELLED;
    }

    /** By when a need raised at {@code createdAt} should be delivered. */
    public static Instant dueBy(Urgency u, Instant createdAt, Duration urgentLimit, Duration routineLimit, ZoneId zone) {
        return switch (u) {
        case URGENT_MEDICAL -> createdAt.plus(urgentLimit);
        case TODAY -> createdAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        case ROUTINE -> createdAt.plus(routineLimit);
        };
    }

    /** The alert key of an urgent need still open after its limit: one alert per need, ever. */
    public static String urgentKey(java.util.UUID needId) {
        return "need-urgent:" + needId;
    }
}

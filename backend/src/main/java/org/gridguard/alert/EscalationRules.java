package org.gridguard.alert;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.gridguard.area.AreaKind;

/**
 * When an open alert escalates and to which level: pure functions of the configuration. An alert escalates when its
 * due time (or its last escalation) lies more than its kind's delay in the past, to the nearest ancestor of its
 * current level whose kind submits a daily report ({@link AreaKind#reportingRole()}) and is strictly above it — and
 * strictly above the level of the people who already handle it: a grid cell's fever alert, handled by the zone's
 * grid leaders, goes first to the community's supervisors, not to the same leaders again.
 */
final class EscalationRules {

    static final String DEFAULT_KEY = "gridguard.alerts.escalate-after";
    static final String KIND_PREFIX = "gridguard.alerts.escalate.";
    static final String OFF = "off";

    private EscalationRules() {
    }

    /**
     * The delay of every kind that escalates, by kind code: {@code gridguard.alerts.escalate.<KIND>} (a duration or
     * {@code off}), else the default; a kind that is off is absent.
     *
     * @throws IllegalArgumentException when a value is neither an ISO-8601 duration above zero nor off
     */
    static Map<String, Duration> delays(Collection<String> kinds, Duration defaultDelay,
            Function<String, Optional<String>> config) {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (String kind : kinds) {
            Optional<String> own = config.apply(KIND_PREFIX + kind);
            Duration d = own.isPresent() ? parse(KIND_PREFIX + kind, own.get()) : defaultDelay;
            if (d != null) {
                out.put(kind, d);
            }
        }
        return out;
    }

    /** A configured delay: null when off. */
    static Duration parse(String key, String value) {
        String v = value.trim();
        if (OFF.equalsIgnoreCase(v)) {
            return null;
        }
        try {
            Duration d = Duration.parse(v);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be above zero or off: " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration (PT2H) or off: " + value, e);
        }
    }

    /** The area kinds top to bottom, as SQL compares levels (array_position). */
    static String[] levels() {
        return Arrays.stream(AreaKind.values()).map(Enum::name).toArray(String[]::new);
    }

    /**
     * The level of the people who handle a kind's alerts: the lowest area kind submitted by its assignee role
     * ({@code grid-leader}: ZONE, {@code supervisor}: COMMUNITY), null for a role that submits none. An alert escalates
     * strictly above it.
     */
    static String handledAt(String assigneeRole) {
        String lowest = null;
        for (AreaKind k : AreaKind.values()) {
            if (assigneeRole.equals(k.reportingRole())) {
                lowest = k.name();
            }
        }
        return lowest;
    }

    /** The area kinds an alert can escalate to: those that submit a daily report. */
    static String[] escalationLevels() {
        return Arrays.stream(AreaKind.values()).filter(k -> k.reportingRole() != null).map(Enum::name)
                .toArray(String[]::new);
    }
}

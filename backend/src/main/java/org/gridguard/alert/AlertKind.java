package org.gridguard.alert;

import static org.gridguard.alert.AlertState.ACKNOWLEDGED;
import static org.gridguard.alert.AlertState.CLOSED;
import static org.gridguard.alert.AlertState.DISMISSED;
import static org.gridguard.alert.AlertState.OPEN;
import static org.gridguard.alert.AlertState.REFERRED;
import static org.gridguard.alert.AlertState.REMEASURED;
import static org.gridguard.alert.AlertState.RESOLVED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of alert in the product, each with its workflow. Features raise alerts of their kind; the
 * inbox, assignment to the area's leaders and overdue timing are shared.
 */
public enum AlertKind {
    /** A reading of 37.3 °C or more: re-measure, then refer to a clinic or dismiss, then close. */
    FEVER(Map.of(
            OPEN, Set.of(REMEASURED, DISMISSED),
            REMEASURED, Set.of(REFERRED, DISMISSED, CLOSED),
            REFERRED, Set.of(CLOSED),
            DISMISSED, Set.of(CLOSED))),
    MISSING_REPORT(Generic.FLOW),
    DUTY_GAP(Generic.FLOW),
    POSITIVE_POOL(Generic.FLOW);

    private final Map<AlertState, Set<AlertState>> transitions;

    AlertKind(Map<AlertState, Set<AlertState>> transitions) {
        this.transitions = new EnumMap<>(transitions);
    }

    public Set<AlertState> next(AlertState from) {
        return transitions.getOrDefault(from, Set.of());
    }

    public boolean allows(AlertState from, AlertState to) {
        return next(from).contains(to);
    }

    public static boolean terminal(AlertState s) {
        return s == CLOSED;
    }

    private static final class Generic {
        static final Map<AlertState, Set<AlertState>> FLOW = Map.of(
                OPEN, Set.of(ACKNOWLEDGED, DISMISSED),
                ACKNOWLEDGED, Set.of(RESOLVED, DISMISSED),
                RESOLVED, Set.of(CLOSED),
                DISMISSED, Set.of(CLOSED));
    }
}

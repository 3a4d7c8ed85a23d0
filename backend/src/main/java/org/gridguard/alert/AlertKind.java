package org.gridguard.alert;

import static org.gridguard.alert.AlertState.ACKNOWLEDGED;
import static org.gridguard.alert.AlertState.CLOSED;
import static org.gridguard.alert.AlertState.DISMISSED;
import static org.gridguard.alert.AlertState.OPEN;
import static org.gridguard.alert.AlertState.RESOLVED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.gridguard.common.Port;

/**
 * A kind of alert and its workflow. The feature that raises alerts of a kind declares it (as a constant it
 * owns) and publishes it through its {@link AlertKinds} bean; the inbox, assignment to the area's leaders,
 * overdue timing and the web app's colours and labels (GET /api/v1/alert-kinds) are shared.
 *
 * @param code the stable name partners see, upper snake case (FEVER)
 * @param transitions allowed steps from each state
 * @param color an antd tag colour for the web app (red, orange, magenta, …)
 * @param labelZh the name in Chinese; {@code labelEn} in English
 * @param assigneeRole the role, assigned at the alert's area or above it, whose holders handle the alert
 * @param steps checks of a step's data before it is taken (e.g. a re-measurement needs a temperature)
 * @param newAlertAfterClose when closed, the dedupe key is released, so the same subject on the same key opens
 *            a new alert instead of joining the closed one (one fever alert per person and day, until closed)
 */
@Port
public record AlertKind(String code, Map<AlertState, Set<AlertState>> transitions, String color, String labelZh,
        String labelEn, String assigneeRole, StepCheck steps, boolean newAlertAfterClose) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** Open → acknowledged → resolved → closed, or dismissed → closed. */
    public static final Map<AlertState, Set<AlertState>> GENERIC_FLOW = Map.of(
            OPEN, Set.of(ACKNOWLEDGED, DISMISSED),
            ACKNOWLEDGED, Set.of(RESOLVED, DISMISSED),
            RESOLVED, Set.of(CLOSED),
            DISMISSED, Set.of(CLOSED));

    /** Checks the data sent with a step; throws an {@code ApiProblem} (422) when it is not enough. */
    @FunctionalInterface
    public interface StepCheck {
        StepCheck NONE = (to, data) -> {
        };

        void check(AlertState to, Map<String, Object> data);
    }

    public AlertKind {
        Objects.requireNonNull(code);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("alert kind code must be upper snake case: " + code);
        }
        transitions = Map.copyOf(new EnumMap<>(transitions));
        Objects.requireNonNull(color);
        Objects.requireNonNull(labelZh);
        Objects.requireNonNull(labelEn);
        assigneeRole = assigneeRole == null ? "grid-leader" : assigneeRole;
        steps = steps == null ? StepCheck.NONE : steps;
    }

    /** A kind with the generic workflow, handled by the area's grid leaders. */
    public static AlertKind generic(String code, String color, String labelZh, String labelEn) {
        return new AlertKind(code, GENERIC_FLOW, color, labelZh, labelEn, null, null, false);
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

    @Override
    public String toString() {
        return code;
    }
}

package org.gridguard.temperature;

import static org.gridguard.alert.AlertState.CLOSED;
import static org.gridguard.alert.AlertState.DISMISSED;
import static org.gridguard.alert.AlertState.OPEN;
import static org.gridguard.alert.AlertState.REFERRED;
import static org.gridguard.alert.AlertState.REMEASURED;
import static org.gridguard.alert.AlertState.TRANSFERRED;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;
import org.gridguard.alert.AlertState;
import org.gridguard.common.ApiProblem;
import org.gridguard.common.Problem;

/** The alerts temperature checks raise. */
@ApplicationScoped
public class TemperatureAlerts implements AlertKinds {

    /**
     * A reading of 37.3 °C or more: re-measure, then refer to a clinic or dismiss, then close; a person under a
     * quarantine order is transferred (闭环转运, to a fever clinic or hospital) after the re-measurement or referral.
     */
    public static final AlertKind FEVER = new AlertKind("FEVER", Map.of(
            OPEN, Set.of(REMEASURED, DISMISSED),
            REMEASURED, Set.of(REFERRED, TRANSFERRED, DISMISSED, CLOSED),
            REFERRED, Set.of(TRANSFERRED, CLOSED),
            TRANSFERRED, Set.of(CLOSED),
            DISMISSED, Set.of(CLOSED)), "red", "发热", "Fever", null, TemperatureAlerts::remeasurement, true);

    /** A watched resident's twice-daily report did not arrive in its window. */
    public static final AlertKind MISSING_REPORT = AlertKind.generic("MISSING_REPORT", "orange", "漏报", "Missing report");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(FEVER, MISSING_REPORT);
    }

    /** A re-measurement carries the new temperature, in the plausible range. */
    static void remeasurement(AlertState to, Map<String, Object> data) {
        if (to != REMEASURED) {
            return;
        }
        Object v = data == null ? null : data.get("temperature");
        double c;
        try {
            c = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            c = Double.NaN;
        }
        if (!(c >= TemperatureRules.PLAUSIBLE_MIN.doubleValue() && c <= TemperatureRules.PLAUSIBLE_MAX.doubleValue())) {
            String range = TemperatureRules.PLAUSIBLE_MIN_TEXT + " to " + TemperatureRules.PLAUSIBLE_MAX_TEXT + " °C";
            throw new ApiProblem(422, "validation", "Invalid input",
                    "A re-measurement needs the new temperature: data.temperature, " + range,
                    List.of(new Problem.FieldError("data.temperature", "must be a temperature between "
                            + TemperatureRules.PLAUSIBLE_MIN_TEXT + " and " + TemperatureRules.PLAUSIBLE_MAX_TEXT + " °C")),
                    null, null);
        }
    }
}

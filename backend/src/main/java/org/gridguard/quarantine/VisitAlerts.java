package org.gridguard.quarantine;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alerts visits raise, for the leaders of the order's cell. */
@ApplicationScoped
public class VisitAlerts implements AlertKinds {

    /** A window of an order closed without a visit: one per order and window. */
    public static final AlertKind VISIT_MISSED = AlertKind.generic("VISIT_MISSED", "orange", "漏访", "Visit missed");

    /** A symptom without fever at a visit: one per person and day. */
    public static final AlertKind SYMPTOM = AlertKind.generic("SYMPTOM", "volcano", "症状", "Symptom");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(VISIT_MISSED, SYMPTOM);
    }
}

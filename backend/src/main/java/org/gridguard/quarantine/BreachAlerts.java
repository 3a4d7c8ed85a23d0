package org.gridguard.quarantine;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alert a recorded breach raises, for the leaders of the person's cell. */
@ApplicationScoped
public class BreachAlerts implements AlertKinds {

    /** A person under an active home order tried to go out through a checkpoint. */
    public static final AlertKind QUARANTINE_BREACH = AlertKind.generic("QUARANTINE_BREACH", "volcano", "隔离人员外出",
            "Quarantine breach");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(QUARANTINE_BREACH);
    }
}

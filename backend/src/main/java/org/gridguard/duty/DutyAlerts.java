package org.gridguard.duty;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alerts duty raises. */
@ApplicationScoped
public class DutyAlerts implements AlertKinds {

    /** A shift started with a seat unfilled, or its post was found unstaffed. */
    public static final AlertKind DUTY_GAP = AlertKind.generic("DUTY_GAP", "red", "缺岗", "Duty gap");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(DUTY_GAP);
    }
}

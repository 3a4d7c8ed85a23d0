package org.gridguard.disinfection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alert disinfection schedules raise, for the leaders of the place's area. */
@ApplicationScoped
public class DisinfectionAlerts implements AlertKinds {

    /** A scheduled round's window passed without a record: one per schedule and slot. */
    public static final AlertKind DISINFECTION_MISSED = AlertKind.generic("DISINFECTION_MISSED", "cyan", "消杀未按时完成",
            "Disinfection round missed");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(DISINFECTION_MISSED);
    }
}

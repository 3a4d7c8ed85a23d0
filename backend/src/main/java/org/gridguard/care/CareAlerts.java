package org.gridguard.care;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alert care plans raise, for the leaders of the resident's cell. */
@ApplicationScoped
public class CareAlerts implements AlertKinds {

    /** A plan's visit or delivery cadence was exceeded: at most one per plan and day. */
    public static final AlertKind CARE_MISSED = AlertKind.generic("CARE_MISSED", "orange", "一对一关怀逾期", "Care visit overdue");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(CARE_MISSED);
    }
}

package org.gridguard.inspection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alerts of the inspections, for the place's cell leaders and the supervisor: one per task, never twice. */
@ApplicationScoped
public class InspectionAlerts implements AlertKinds {

    /** A failed item not put right (re-checked as passed) by its deadline. */
    public static final AlertKind TASK_OVERDUE = AlertKind.generic("INSPECTION_TASK_OVERDUE", "orange", "整改逾期",
            "Rectification overdue");
    /** An enterprise that resumed work today and was not inspected by the end of the day. */
    public static final AlertKind CHECK_MISSED = AlertKind.generic("ENTERPRISE_CHECK_MISSED", "volcano", "复工企业当天未核查",
            "Resumed enterprise not checked the same day");

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(TASK_OVERDUE, CHECK_MISSED);
    }
}

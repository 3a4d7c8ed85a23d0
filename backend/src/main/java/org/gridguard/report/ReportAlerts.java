package org.gridguard.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.gridguard.alert.AlertKind;
import org.gridguard.alert.AlertKinds;

/** The alert the daily report raises, for the submitters of the late node's parent. */
@ApplicationScoped
public class ReportAlerts implements AlertKinds {

    /**
     * A zone (community, street) without a submitted report at its cut-off + 30 min: one per node and day, on the
     * parent node, handled by the parent's supervisors; closed when the node submits.
     */
    public static final AlertKind REPORT_LATE = new AlertKind("REPORT_LATE", AlertKind.GENERIC_FLOW, "orange", "日报逾期未报",
            "Daily report late", "supervisor", null, false);

    @Override
    public List<AlertKind> alertKinds() {
        return List.of(REPORT_LATE);
    }
}

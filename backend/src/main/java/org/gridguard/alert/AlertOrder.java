package org.gridguard.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The order of the alert inbox. */
@Schema(description = "NEWEST: newest raised first (the default). MOST_OVERDUE: the earliest due first, the ones waiting "
        + "longest past their due time on top (a supervisor's dashboard).")
public enum AlertOrder {
    NEWEST, MOST_OVERDUE
}

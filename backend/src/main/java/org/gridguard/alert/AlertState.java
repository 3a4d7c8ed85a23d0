package org.gridguard.alert;

import org.gridguard.common.Port;

/** The states of an alert's workflow; a feature's {@link AlertKind} names the steps between them. */
@Port
public enum AlertState {
    OPEN, ACKNOWLEDGED, REMEASURED, REFERRED, TRANSFERRED, RESOLVED, DISMISSED, CLOSED
}

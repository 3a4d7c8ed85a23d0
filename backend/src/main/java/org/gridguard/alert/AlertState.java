package org.gridguard.alert;

public enum AlertState {
    OPEN, ACKNOWLEDGED, REMEASURED, REFERRED, RESOLVED, DISMISSED, CLOSED
}

package org.gridguard.area;

/** 卡口 / 值守点. */
public enum CheckpointKind {
    GATE, ROAD_JUNCTION, BRIDGE, QUARANTINE_SITE
}

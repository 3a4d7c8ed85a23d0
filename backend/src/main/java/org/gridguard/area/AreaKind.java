package org.gridguard.area;

import org.gridguard.common.Port;

/** The levels of 网格化管理, top to bottom; each level's parent is the level above. */
@Port
public enum AreaKind {
    DISTRICT, STREET, COMMUNITY, ZONE, GRID_CELL, COMPOUND, BUILDING;

    public AreaKind parentKind() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** Nodes at or below community level belong to one community. */
    public boolean inCommunity() {
        return ordinal() >= COMMUNITY.ordinal();
    }
}

package org.gridguard.area;

import org.gridguard.common.Port;
import org.gridguard.security.Roles;

/** The levels of 网格化管理, top to bottom; each level's parent is the level above. */
@Port
public enum AreaKind {
    DISTRICT, STREET, COMMUNITY, ZONE, GRID_CELL, COMPOUND, BUILDING;

    public AreaKind parentKind() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /**
     * The role whose holders submit this level's daily report and take its escalated alerts: a zone's grid
     * leader, a community's and every level above's supervisor; null for grid cells and below (they do not submit).
     */
    public String reportingRole() {
        if (this == ZONE) {
            return Roles.LEADER;
        }
        return ordinal() <= COMMUNITY.ordinal() ? Roles.SUPERVISOR : null;
    }

    /** Nodes at or below community level belong to one community. */
    public boolean inCommunity() {
        return ordinal() >= COMMUNITY.ordinal();
    }
}

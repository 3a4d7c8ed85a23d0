package org.gridguard.duty.roster;

/** The configurable limits, in minutes, as a problem fact the constraints join. */
public record PlanRules(int minRest, int weeklyMax) {
}

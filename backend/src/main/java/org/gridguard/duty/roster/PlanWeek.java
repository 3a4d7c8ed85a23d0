package org.gridguard.duty.roster;

/** A calendar week (Monday 00:00 in the business zone), in minutes since the epoch. */
public record PlanWeek(long start, long end) {
}

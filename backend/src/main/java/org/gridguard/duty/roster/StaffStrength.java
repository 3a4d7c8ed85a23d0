package org.gridguard.duty.roster;

import java.util.Comparator;

/** People with more (rare) skills are "stronger": ordinary places go to the others first. */
public class StaffStrength implements Comparator<Staff> {
    @Override
    public int compare(Staff a, Staff b) {
        return Comparator.<Staff>comparingInt(s -> s.skills.size()).thenComparingInt(s -> s.index).compare(a, b);
    }
}

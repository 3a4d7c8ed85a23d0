package org.gridguard.duty.roster;

import java.util.Set;
import java.util.UUID;

/** A person as the solver sees them (problem fact). */
public class Staff {
    public final int index;
    public final UUID id;
    public final String name;
    public final Unit unit;
    public final Set<String> skills;
    public final Set<String> preferredKinds;

    /** A unit (派出单位) with its headcount, for fairness across units. */
    public record Unit(String name, int size) {
    }

    public Staff(int index, UUID id, String name, Unit unit, Set<String> skills, Set<String> preferredKinds) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.unit = unit;
        this.skills = skills;
        this.preferredKinds = preferredKinds;
    }

    @Override
    public String toString() {
        return name;
    }
}

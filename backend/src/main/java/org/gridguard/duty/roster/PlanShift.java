package org.gridguard.duty.roster;

import java.util.BitSet;
import java.util.UUID;

/** A shift as the solver sees it: times in minutes since the epoch, with precomputed availability and nearness. */
public class PlanShift {
    public final UUID id;
    public final long start;
    public final long end;
    public final int day;
    public final boolean night;
    public final String kind;
    /** Shifts outside the rostered area or dates: their assignees are fixed, they only constrain. */
    public final boolean external;
    /** Bit i set: staff i is off during this shift. */
    public final BitSet unavailable;
    /** Bit i set: the post is in or near staff i's own area. */
    public final BitSet near;

    public PlanShift(UUID id, long start, long end, int day, boolean night, String kind, boolean external,
            BitSet unavailable, BitSet near) {
        this.id = id;
        this.start = start;
        this.end = end;
        this.day = day;
        this.night = night;
        this.kind = kind;
        this.external = external;
        this.unavailable = unavailable;
        this.near = near;
    }

    public int minutes() {
        return (int) (end - start);
    }
}

package org.gridguard.duty.roster;

import java.util.Comparator;

/** Places that are hard to fill first: those needing a skill, then nights, then in time order. */
public class SeatDifficulty implements Comparator<Seat> {
    @Override
    public int compare(Seat a, Seat b) {
        return Comparator.<Seat>comparingInt(s -> s.getRequiredSkill() != null ? 1 : 0)
                .thenComparingInt(s -> s.night() ? 1 : 0)
                .thenComparing(Comparator.comparingLong(Seat::start).reversed())
                .thenComparing(Seat::getId, Comparator.reverseOrder()).compare(a, b);
    }
}

package org.gridguard.duty.roster;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** One place on a shift; the solver chooses who stands it (or leaves it empty, which costs a medium point). */
@PlanningEntity(difficultyComparatorClass = SeatDifficulty.class)
public class Seat {

    @PlanningId
    private String id;
    private PlanShift shift;
    /** A skill this place needs (the first places of a shift carry its required skills). */
    private String requiredSkill;
    @PlanningPin
    private boolean pinned;
    @PlanningVariable(allowsUnassigned = true, strengthComparatorClass = StaffStrength.class)
    private Staff staff;

    public Seat() {
    }

    public Seat(String id, PlanShift shift, String requiredSkill, boolean pinned, Staff staff) {
        this.id = id;
        this.shift = shift;
        this.requiredSkill = requiredSkill;
        this.pinned = pinned;
        this.staff = staff;
    }

    public String getId() {
        return id;
    }

    public PlanShift getShift() {
        return shift;
    }

    public String getRequiredSkill() {
        return requiredSkill;
    }

    public boolean isPinned() {
        return pinned;
    }

    public Staff getStaff() {
        return staff;
    }

    public void setStaff(Staff staff) {
        this.staff = staff;
    }

    public long start() {
        return shift.start;
    }

    public long end() {
        return shift.end;
    }

    public boolean night() {
        return shift.night;
    }

    public int day() {
        return shift.day;
    }

    public boolean internal() {
        return !shift.external;
    }
}

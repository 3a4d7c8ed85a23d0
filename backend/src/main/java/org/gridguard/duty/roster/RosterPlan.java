package org.gridguard.duty.roster;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * The rostering problem: seats to fill with staff. Hard: the rules of {@link DutyRules}; medium: empty
 * seats (staffing need); soft: fairness across people and units, preferences, own grid, consecutive nights.
 */
@PlanningSolution
public class RosterPlan {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<Staff> staff;
    @ProblemFactCollectionProperty
    private List<PlanWeek> weeks;
    @PlanningEntityCollectionProperty
    private List<Seat> seats;
    @PlanningScore
    private HardMediumSoftScore score;
    @ai.timefold.solver.core.api.domain.solution.ProblemFactProperty
    private PlanRules rules;

    public RosterPlan() {
    }

    public RosterPlan(List<Staff> staff, List<PlanWeek> weeks, List<Seat> seats, PlanRules rules) {
        this.staff = staff;
        this.weeks = weeks;
        this.seats = seats;
        this.rules = rules;
    }

    public List<Staff> getStaff() {
        return staff;
    }

    public List<PlanWeek> getWeeks() {
        return weeks;
    }

    public List<Seat> getSeats() {
        return seats;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public PlanRules getRules() {
        return rules;
    }
}

package org.gridguard.duty.roster;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.gridguard.duty.DutyRules;

/** The rules of {@link DutyRules} as hard constraints, staffing as medium, fairness and wishes as soft. */
public class RosterConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                skills(f), overlap(f), rest(f), weeklyMax(f), availability(f),
                unfilled(f),
                fairPeople(f), fairUnits(f), preference(f), nearOwnGrid(f), consecutiveNights(f) };
    }

    Constraint skills(ConstraintFactory f) {
        return f.forEach(Seat.class)
                .filter(s -> s.getRequiredSkill() != null && !s.getStaff().skills.contains(s.getRequiredSkill()))
                .penalize(HardMediumSoftScore.ONE_HARD).asConstraint(DutyRules.SKILLS);
    }

    Constraint overlap(ConstraintFactory f) {
        return f.forEachUniquePair(Seat.class, Joiners.equal(Seat::getStaff))
                .filter((a, b) -> a.start() < b.end() && b.start() < a.end())
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b) -> 10).asConstraint(DutyRules.OVERLAP);
    }

    Constraint rest(ConstraintFactory f) {
        return f.forEachUniquePair(Seat.class, Joiners.equal(Seat::getStaff))
                .filter((a, b) -> !(a.start() < b.end() && b.start() < a.end()))
                .join(PlanRules.class)
                .filter((a, b, r) -> gap(a, b) < r.minRest())
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b, r) -> 1 + (int) (r.minRest() - gap(a, b)) / 60)
                .asConstraint(DutyRules.REST);
    }

    static long gap(Seat a, Seat b) {
        return a.start() < b.start() ? b.start() - a.end() : a.start() - b.end();
    }

    Constraint weeklyMax(ConstraintFactory f) {
        return f.forEach(Seat.class)
                .join(PlanWeek.class, Joiners.overlapping(Seat::start, Seat::end, PlanWeek::start, PlanWeek::end))
                .groupBy((s, w) -> s.getStaff(), (s, w) -> w,
                        sum((s, w) -> (int) (Math.min(s.end(), w.end()) - Math.max(s.start(), w.start()))))
                .join(PlanRules.class)
                .filter((st, w, minutes, r) -> minutes > r.weeklyMax())
                .penalize(HardMediumSoftScore.ONE_HARD, (st, w, minutes, r) -> 1 + (minutes - r.weeklyMax()) / 60)
                .asConstraint(DutyRules.WEEKLY_MAX);
    }

    Constraint availability(ConstraintFactory f) {
        return f.forEach(Seat.class)
                .filter(s -> s.getShift().unavailable.get(s.getStaff().index))
                .penalize(HardMediumSoftScore.ONE_HARD, s -> 10).asConstraint(DutyRules.AVAILABILITY);
    }

    Constraint unfilled(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(Seat.class)
                .filter(s -> s.getStaff() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM).asConstraint(DutyRules.STAFFING);
    }

    /** Squared hours per person: spreads the load. */
    Constraint fairPeople(ConstraintFactory f) {
        return f.forEach(Seat.class).filter(Seat::internal)
                .groupBy(Seat::getStaff, sum(s -> s.getShift().minutes()))
                .penalize(HardMediumSoftScore.ONE_SOFT, (st, m) -> (m / 60) * (m / 60))
                .asConstraint("FAIR_PEOPLE");
    }

    /** Squared hours per unit over its headcount: units carry load in proportion to the people they sent. */
    Constraint fairUnits(ConstraintFactory f) {
        return f.forEach(Seat.class).filter(Seat::internal)
                .groupBy(s -> s.getStaff().unit, sum(s -> s.getShift().minutes()))
                .penalize(HardMediumSoftScore.ONE_SOFT, (u, m) -> (m / 60) * (m / 60) / Math.max(1, u.size()))
                .asConstraint("FAIR_UNITS");
    }

    Constraint preference(ConstraintFactory f) {
        return f.forEach(Seat.class).filter(Seat::internal)
                .filter(s -> !s.getStaff().preferredKinds.isEmpty()
                        && !s.getStaff().preferredKinds.contains(s.getShift().kind))
                .penalize(HardMediumSoftScore.ONE_SOFT, s -> 40).asConstraint("PREFERENCES");
    }

    Constraint nearOwnGrid(ConstraintFactory f) {
        return f.forEach(Seat.class).filter(Seat::internal)
                .filter(s -> !s.getShift().near.get(s.getStaff().index))
                .penalize(HardMediumSoftScore.ONE_SOFT, s -> 30).asConstraint("NEAR_OWN_GRID");
    }

    /** More than two nights in a row. */
    Constraint consecutiveNights(ConstraintFactory f) {
        return f.forEach(Seat.class).filter(Seat::night)
                .join(f.forEach(Seat.class).filter(Seat::night), Joiners.equal(Seat::getStaff),
                        Joiners.equal(s -> s.day() - 1, Seat::day))
                .join(f.forEach(Seat.class).filter(Seat::night), Joiners.equal((a, b) -> a.getStaff(), Seat::getStaff),
                        Joiners.equal((a, b) -> a.day() - 2, Seat::day))
                .penalize(HardMediumSoftScore.ONE_SOFT, (a, b, c) -> 200).asConstraint("CONSECUTIVE_NIGHTS");
    }
}

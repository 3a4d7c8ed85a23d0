package org.gridguard.duty.shift;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.duty.DutyRules;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.DutySettings;
import org.gridguard.duty.person.DutyPerson;
import org.gridguard.duty.person.PersonRepository;
import org.gridguard.duty.shift.ShiftViews.ShiftView;

/**
 * Who stands which shift. Every change of assignees (by hand, by a swap, by a published roster) goes through
 * {@link #checkAndAssign}, which runs {@link DutyRules} and answers each violation as problem+json.
 */
@ApplicationScoped
public class AssigneeService {

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutySettings settings;
    @Inject
    ShiftRepository shifts;
    @Inject
    PersonRepository people;
    @Inject
    ShiftService shiftViews;

    @Transactional
    public ShiftView addAssignee(UUID shiftId, UUID personId) {
        DutyShift s = shifts.manageable(shiftId);
        DutyPerson p = people.visible(personId);
        checkAndAssign(s, p, "MANUAL", scope.name());
        return shiftViews.shift(shiftId);
    }

    /**
     * Drag and drop on the board: off one shift and onto another in one transaction. The rules see the
     * person without the old shift; a refusal (422) rolls the removal back, so neither shift changes.
     */
    @Transactional
    public ShiftView moveAssignee(UUID fromShiftId, UUID toShiftId, UUID personId) {
        if (fromShiftId.equals(toShiftId)) {
            throw ApiProblem.invalid("fromShiftId", "must be another shift");
        }
        shifts.manageable(fromShiftId);
        DutyShift to = shifts.manageable(toShiftId);
        DutyPerson p = people.visible(personId);
        if (shifts.takeOff(fromShiftId, personId) == 0) {
            throw ApiProblem.conflict("The person is no longer on the shift they were moved from");
        }
        shifts.flush();
        checkAndAssign(to, p, "MANUAL", scope.name());
        return shiftViews.shift(toShiftId);
    }

    @Transactional
    public void removeAssignee(UUID shiftId, UUID personId) {
        shifts.manageable(shiftId);
        long n = shifts.takeOff(shiftId, personId);
        if (n == 0) {
            throw ApiProblem.notFound("Shift assignee");
        }
    }

    /** Validates with the rules (serialised per person) and records the assignee, or answers 422 with every violation. */
    public void checkAndAssign(DutyShift s, DutyPerson p, String source, String actor) {
        if (!p.active) {
            throw ApiProblem.unprocessable("inactive-person", p.name + " is no longer on duty");
        }
        if (!p.communityId.equals(s.communityId)) {
            throw ApiProblem.invalid("personId", "belongs to another community");
        }
        List<DutyRules.Violation> v = violations(s, p);
        if (!v.isEmpty()) {
            throw DutySettings.violation(v);
        }
        DutyAssignee a = new DutyAssignee();
        a.id = UUID.randomUUID();
        a.communityId = s.communityId;
        a.shiftId = s.id;
        a.personId = p.id;
        a.source = source;
        a.createdBy = actor;
        a.createdAt = clock.instant();
        shifts.add(a);
    }

    /** The rules the person would break on the shift, with their shifts around it and the people already on it. */
    public List<DutyRules.Violation> violations(DutyShift s, DutyPerson p) {
        // two concurrent changes for one person wait for each other, so neither misses the other's shift
        people.lock(p.id);
        shifts.flush();
        List<DutyShift> theirs = shifts.personShifts(p.id, s.startsAt.minus(Duration.ofDays(8)), s.endsAt.plus(Duration.ofDays(8)));
        List<DutyRules.Person> on = new ArrayList<>();
        List<UUID> onIds = shifts.personIdsOn(s.id);
        if (!onIds.isEmpty()) {
            for (DutyPerson o : people.unfiltered(onIds)) {
                on.add(o.rule());
            }
        }
        return settings.rules().check(p.rule(), s.rule(), theirs.stream().map(DutyShift::rule).toList(), on);
    }
}

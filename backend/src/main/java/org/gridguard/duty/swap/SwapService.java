package org.gridguard.duty.swap;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gridguard.common.ApiProblem;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.DutySettings;
import org.gridguard.duty.person.DutyPerson;
import org.gridguard.duty.person.PersonRepository;
import org.gridguard.duty.shift.AssigneeService;
import org.gridguard.duty.shift.DutyShift;
import org.gridguard.duty.shift.ShiftRepository;
import org.gridguard.duty.swap.SwapViews.NewSwap;
import org.gridguard.duty.swap.SwapViews.SwapView;

/**
 * Swaps: someone on a shift asks another person to take it (or to exchange it for one of theirs); the other
 * person accepts, then a leader approves, and the assignees change under the rules like any change.
 */
@ApplicationScoped
public class SwapService {

    @Inject
    Clock clock;
    @Inject
    DutyScope scope;
    @Inject
    DutySettings settings;
    @Inject
    SwapRepository swaps;
    @Inject
    ShiftRepository shifts;
    @Inject
    PersonRepository people;
    @Inject
    AssigneeService assignees;

    @Transactional
    public SwapView requestSwap(NewSwap req) {
        DutyShift s = shifts.visible(req.shiftId());
        DutyPerson giver = people.visible(req.personId());
        DutyPerson taker = people.visible(req.otherPersonId());
        boolean manager = shifts.canManage(s);
        if (!people.isMe(giver) && !manager) {
            throw ApiProblem.forbidden("Only the person on the shift or a leader may offer it for a swap");
        }
        if (giver.id.equals(taker.id)) {
            throw ApiProblem.invalid("otherPersonId", "must be someone else");
        }
        if (!shifts.isOn(s.id, giver.id)) {
            throw ApiProblem.invalid("personId", "is not on this shift");
        }
        if (shifts.isOn(s.id, taker.id)) {
            throw ApiProblem.invalid("otherPersonId", "is already on this shift");
        }
        if (req.otherShiftId() != null) {
            shifts.visible(req.otherShiftId());
            if (!shifts.isOn(req.otherShiftId(), taker.id)) {
                throw ApiProblem.invalid("otherShiftId", "the other person is not on that shift");
            }
        }
        DutySwap w = new DutySwap();
        w.id = UUID.randomUUID();
        w.communityId = s.communityId;
        w.shiftId = s.id;
        w.personId = giver.id;
        w.otherPersonId = taker.id;
        w.otherShiftId = req.otherShiftId();
        w.state = DutySwap.State.REQUESTED;
        w.reason = req.reason();
        w.requestedBy = scope.name();
        w.createdAt = clock.instant();
        w.updatedAt = w.createdAt;
        swaps.persist(w);
        return view(w);
    }

    @Transactional
    public List<SwapView> swaps(DutySwap.State state) {
        return swaps.visible(state).stream().map(this::view).toList();
    }

    /** The other person agrees (a leader may agree for someone without a login). */
    @Transactional
    public SwapView acceptSwap(UUID id) {
        DutySwap w = swaps.visible(id);
        DutyPerson taker = people.unfiltered(w.otherPersonId);
        boolean manager = shifts.canManage(shifts.unfiltered(w.shiftId));
        if (!people.isMe(taker) && !(taker.username == null && manager)) {
            throw ApiProblem.forbidden("Only the person asked may accept this swap");
        }
        requireState(w, DutySwap.State.REQUESTED);
        w.state = DutySwap.State.ACCEPTED;
        w.acceptedBy = scope.name();
        w.updatedAt = clock.instant();
        return view(w);
    }

    /** A leader approves an accepted swap: the assignees change, checked by the rules like any change. */
    @Transactional
    public SwapView approveSwap(UUID id) {
        DutySwap w = swaps.visible(id);
        DutyShift s = shifts.manageable(w.shiftId);
        DutyShift other = w.otherShiftId == null ? null : shifts.manageable(w.otherShiftId);
        requireState(w, DutySwap.State.ACCEPTED);
        DutyPerson giver = people.unfiltered(w.personId);
        DutyPerson taker = people.unfiltered(w.otherPersonId);
        if (shifts.takeOff(s.id, giver.id) == 0) {
            throw ApiProblem.conflict("The person is no longer on the shift");
        }
        if (other != null && shifts.takeOff(other.id, taker.id) == 0) {
            throw ApiProblem.conflict("The other person is no longer on their shift");
        }
        shifts.flush();
        assignees.checkAndAssign(s, taker, "SWAP", scope.name());
        if (other != null) {
            assignees.checkAndAssign(other, giver, "SWAP", scope.name());
        }
        w.state = DutySwap.State.APPROVED;
        w.decidedBy = scope.name();
        w.updatedAt = clock.instant();
        return view(w);
    }

    @Transactional
    public SwapView rejectSwap(UUID id) {
        DutySwap w = swaps.visible(id);
        boolean manager = shifts.canManage(shifts.unfiltered(w.shiftId));
        DutyPerson taker = people.unfiltered(w.otherPersonId);
        if (!manager && !people.isMe(taker)) {
            throw ApiProblem.forbidden("Only the person asked or a leader may reject this swap");
        }
        if (w.state != DutySwap.State.REQUESTED && w.state != DutySwap.State.ACCEPTED) {
            throw ApiProblem.conflict("The swap is already " + w.state);
        }
        w.state = DutySwap.State.REJECTED;
        w.decidedBy = scope.name();
        w.updatedAt = clock.instant();
        return view(w);
    }

    private static void requireState(DutySwap w, DutySwap.State s) {
        if (w.state != s) {
            throw ApiProblem.conflict("The swap is " + w.state + ", not " + s);
        }
    }

    SwapView view(DutySwap w) {
        DutyShift s = shifts.unfiltered(w.shiftId);
        DutyShift other = w.otherShiftId == null ? null : shifts.unfiltered(w.otherShiftId);
        DutyScope.Post post = shifts.postOf(s);
        DutyPerson giver = people.unfiltered(w.personId);
        DutyPerson taker = people.unfiltered(w.otherPersonId);
        return new SwapView(w.id, w.shiftId, w.personId, w.otherPersonId, w.otherShiftId, w.state, w.reason, w.requestedBy,
                w.acceptedBy, w.decidedBy, w.version, giver.name, taker.name, post.code(), post.name(),
                settings.odt(s.startsAt), settings.odt(s.endsAt), other == null ? null : settings.odt(other.startsAt));
    }
}

package org.gridguard.duty.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.duty.DutyScope;
import org.gridguard.duty.person.PersonRepository;
import org.gridguard.duty.shift.DutyShift;
import org.gridguard.duty.shift.ShiftRepository;

/**
 * Every query of swap requests (duty_swap), with the caller's reach applied in one place: a swap is seen by
 * those who see its shift's post, and by the two people it names (else 404).
 */
@ApplicationScoped
public class SwapRepository {

    @Inject
    EntityManager em;
    @Inject
    DutyScope scope;
    @Inject
    ShiftRepository shifts;
    @Inject
    PersonRepository people;

    /** The swaps the caller sees, newest first, in the state if given; at most {@link Cursor#MAX_LIMIT}. */
    List<DutySwap> visible(DutySwap.State state) {
        List<DutySwap> all = state == null ? DutySwap.list("order by createdAt desc")
                : DutySwap.list("state = ?1 order by createdAt desc", state);
        List<DutySwap> out = new ArrayList<>();
        for (DutySwap w : all) {
            if (out.size() >= Cursor.MAX_LIMIT) {
                break;
            }
            if (visible(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The swap if the caller sees it, else 404. */
    DutySwap visible(UUID id) {
        DutySwap w = DutySwap.findById(id);
        if (w == null || !visible(w)) {
            throw ApiProblem.notFound("Swap");
        }
        return w;
    }

    private boolean visible(DutySwap w) {
        DutyShift s = shifts.unfiltered(w.shiftId);
        DutyScope.Post post = shifts.postOf(s);
        return scope.canSee(post.guardPath()) || people.me().map(me -> me.id.equals(w.personId) || me.id.equals(w.otherPersonId))
                .orElse(false);
    }

    void persist(DutySwap w) {
        w.persist();
        em.flush();
    }
}

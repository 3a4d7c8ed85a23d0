package org.gridguard.duty.roster;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.duty.DutyScope;

/**
 * Every query of rosters (duty_roster), with the caller's reach applied in one place: a roster belongs to its
 * area; the caller sees the rosters of the areas they see (else 404). "Unfiltered" is for the roster job.
 */
@ApplicationScoped
public class RosterRepository {

    @Inject
    EntityManager em;
    @Inject
    DutyScope scope;

    /** The roster if the caller sees its area, else 404. */
    DutyRoster visible(UUID id) {
        DutyRoster r = DutyRoster.findById(id);
        if (r == null) {
            throw ApiProblem.notFound("Roster");
        }
        String path = scope.areaPath(r.areaId);
        if (path == null || !scope.canSee(path)) {
            throw ApiProblem.notFound("Roster");
        }
        return r;
    }

    /** Unfiltered (the roster job): the roster, or null. */
    DutyRoster unfiltered(UUID id) {
        return DutyRoster.findById(id);
    }

    void persist(DutyRoster r) {
        r.persist();
        em.flush();
    }

    void flush() {
        em.flush();
    }
}

package org.gridguard.duty.shift;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;

/**
 * Every query of check-ins and their corrections (duty_check_in, duty_hours_correction). A check-in is reached
 * through its shift: the caller's reach is the shift's ({@link ShiftRepository#visible}).
 */
@ApplicationScoped
public class CheckInRepository {

    @Inject
    EntityManager em;
    @Inject
    ShiftRepository shifts;

    /** The check-in with the shift it belongs to, if the caller sees the shift, else 404. */
    record Visible(DutyCheckIn checkIn, DutyShift shift) {
    }

    /** The check-in if the caller sees its shift, else 404. */
    Visible visible(UUID id) {
        DutyCheckIn ci = DutyCheckIn.findById(id);
        if (ci == null) {
            throw ApiProblem.notFound("Check-in");
        }
        return new Visible(ci, ApiProblem.outOfReachIsMissing("Check-in", () -> shifts.visible(ci.shiftId)));
    }

    /** The person's check-in to the shift, or null. */
    DutyCheckIn find(UUID shiftId, UUID personId) {
        return DutyCheckIn.find("shiftId = ?1 and personId = ?2", shiftId, personId).firstResult();
    }

    /** The check-ins of the shifts. */
    List<DutyCheckIn> ofShifts(Collection<UUID> shiftIds) {
        return DutyCheckIn.list("shiftId in ?1", shiftIds);
    }

    void add(DutyCheckIn ci) {
        ci.persist();
        em.flush();
    }

    void flush() {
        em.flush();
    }

    /** Records the old and new times of a check-in; the correction's id. */
    long addCorrection(DutyCheckIn ci, Instant in, Instant out, String reason, String by, Instant at) {
        Number id = (Number) em.createNativeQuery("""
                insert into duty_hours_correction (community_id, check_in_id, old_check_in_at, old_check_out_at,
                    new_check_in_at, new_check_out_at, reason, corrected_by, corrected_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) returning id""")
                .setParameter(1, ci.communityId).setParameter(2, ci.id).setParameter(3, ci.checkInAt)
                .setParameter(4, ci.checkOutAt).setParameter(5, in).setParameter(6, out).setParameter(7, reason)
                .setParameter(8, by).setParameter(9, at).getSingleResult();
        return id.longValue();
    }

    /** [id, old in, old out, new in, new out, reason, by, at] of a check-in's corrections, newest first. */
    @SuppressWarnings("unchecked")
    List<Object[]> corrections(UUID checkInId) {
        return em.createNativeQuery("""
                select id, old_check_in_at, old_check_out_at, new_check_in_at, new_check_out_at, reason, corrected_by,
                       corrected_at from duty_hours_correction where check_in_id = ?1 order by id desc limit 500""")
                .setParameter(1, checkInId).getResultList();
    }
}

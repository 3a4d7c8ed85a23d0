package org.gridguard.duty.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The read-only sums of service hours and the duty metrics, over check-ins, work logs, shifts and their
 * assignees. Callers reach the rows first: the people through {@code PersonRepository}, the area through
 * {@code DutyScope} (its coverage checked by the service).
 */
@ApplicationScoped
public class HoursRepository {

    @Inject
    EntityManager em;

    /** [person id, hours] checked in (to check-out) in the period, per person. */
    @SuppressWarnings("unchecked")
    List<Object[]> checkInHours(UUID[] personIds, Instant from, Instant to) {
        return em.createNativeQuery("""
                select person_id, sum(extract(epoch from (check_out_at - check_in_at))) / 3600.0 from duty_check_in
                where person_id = any(?1) and check_out_at is not null and check_in_at >= ?2 and check_in_at < ?3
                group by person_id""").setParameter(1, personIds).setParameter(2, from).setParameter(3, to).getResultList();
    }

    /** [person id, hours] of approved work logs on the dates, per person. */
    @SuppressWarnings("unchecked")
    List<Object[]> workLogHours(UUID[] personIds, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select person_id, sum(hours) from duty_work_log
                where person_id = any(?1) and status = 'APPROVED' and work_date between ?2 and ?3 group by person_id""")
                .setParameter(1, personIds).setParameter(2, from).setParameter(3, to).getResultList();
    }

    /** [id, start, end, needed, assignees, first check-in] of the shifts guarding the area (path) on the dates. */
    @SuppressWarnings("unchecked")
    List<Object[]> shiftFigures(String areaPath, LocalDate f, LocalDate t) {
        return em.createNativeQuery("""
                select s.id, s.starts_at, s.ends_at, s.people_needed,
                       (select count(*) from duty_assignee a where a.shift_id = s.id),
                       (select min(ci.check_in_at) from duty_check_in ci where ci.shift_id = s.id)
                from duty_shift s join checkpoint c on c.id = s.checkpoint_id join area_node g on g.id = c.guards_node_id
                where g.path like ?1 and s.business_date between ?2 and ?3""")
                .setParameter(1, areaPath + "%").setParameter(2, f).setParameter(3, t).getResultList();
    }

    /** [person id, name, unit, hours] checked in at the posts guarding the area (path) on the dates, by unit and name. */
    @SuppressWarnings("unchecked")
    List<Object[]> hoursByPerson(String areaPath, LocalDate f, LocalDate t) {
        return em.createNativeQuery("""
                select dp.id, dp.name, dp.unit, sum(extract(epoch from (ci.check_out_at - ci.check_in_at))) / 3600.0
                from duty_check_in ci join duty_shift s on s.id = ci.shift_id join duty_person dp on dp.id = ci.person_id
                join checkpoint c on c.id = s.checkpoint_id join area_node g on g.id = c.guards_node_id
                where g.path like ?1 and s.business_date between ?2 and ?3 and ci.check_out_at is not null
                group by dp.id, dp.name, dp.unit order by dp.unit, dp.name limit 5000""")
                .setParameter(1, areaPath + "%").setParameter(2, f).setParameter(3, t).getResultList();
    }
}

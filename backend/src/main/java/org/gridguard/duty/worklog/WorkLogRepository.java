package org.gridguard.duty.worklog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.ApiProblem;
import org.gridguard.common.Cursor;
import org.gridguard.duty.DutyScope;

/**
 * Every query of daily work logs (duty_work_log), with the caller's reach applied in one place: a log belongs to
 * its person; those who look after others see the logs of the people they see, everyone else only their own.
 */
@ApplicationScoped
public class WorkLogRepository {

    @Inject
    EntityManager em;
    @Inject
    DutyScope scope;

    /** Unfiltered: the log, or null (its person decides who may see it). */
    DutyWorkLog unfiltered(UUID id) {
        return DutyWorkLog.findById(id);
    }

    /** The log, or 404 (its person decides who may see it). */
    DutyWorkLog found(UUID id) {
        DutyWorkLog w = DutyWorkLog.findById(id);
        if (w == null) {
            throw ApiProblem.notFound("Work log");
        }
        return w;
    }

    void persist(DutyWorkLog w) {
        w.persist();
        em.flush();
    }

    void flush() {
        em.flush();
    }

    /** The logs the caller sees, newest first: of the day, of people in the area (path), of the person. */
    @SuppressWarnings("unchecked")
    List<DutyWorkLog> visible(LocalDate date, String areaPath, UUID personId) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select w.* from duty_work_log w join duty_person dp on dp.id = w.person_id
                join area_node h on h.id = dp.home_area_id where\s""");
        if (scope.overseer()) {
            sql.append(scope.visiblePersonSql(p));
        } else {
            sql.append("dp.username = :me");
            p.put("me", scope.name());
        }
        if (date != null) {
            sql.append(" and w.work_date = :d");
            p.put("d", date);
        }
        if (areaPath != null) {
            sql.append(" and h.path like :area");
            p.put("area", areaPath + "%");
        }
        if (personId != null) {
            sql.append(" and w.person_id = :pid");
            p.put("pid", personId);
        }
        sql.append(" order by w.work_date desc, w.created_at desc limit ").append(Cursor.MAX_LIMIT);
        var q = em.createNativeQuery(sql.toString(), DutyWorkLog.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }
}

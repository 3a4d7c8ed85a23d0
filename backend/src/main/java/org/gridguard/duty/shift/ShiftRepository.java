package org.gridguard.duty.shift;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
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
import org.gridguard.duty.person.PersonRepository;

/**
 * Every query of shifts and the people standing them (duty_shift, duty_assignee), with the caller's reach
 * applied in one place: a shift belongs to its checkpoint's guarded node; the caller sees the shifts of the
 * posts they see and the shifts they stand (else 404), and manages those their nodes cover (else 403).
 * Methods named "unfiltered" are for scheduled work and rows already reached through a visible swap or roster.
 */
@ApplicationScoped
public class ShiftRepository {

    @Inject
    EntityManager em;
    @Inject
    DutyScope scope;
    @Inject
    PersonRepository people;

    // ---------------- reach ----------------

    /** The shift if the caller sees its post or stands it, else 404. */
    public DutyShift visible(UUID id) {
        DutyShift s = DutyShift.findById(id);
        if (s == null) {
            throw ApiProblem.notFound("Duty shift");
        }
        if (!scope.canSee(postOf(s).guardPath()) && !stands(s.id)) {
            throw ApiProblem.notFound("Duty shift");
        }
        return s;
    }

    /** A visible shift the caller may change, else 404 or 403. */
    public DutyShift manageable(UUID id) {
        DutyShift s = visible(id);
        scope.requireManage(postOf(s).guardPath(), "duty shifts");
        return s;
    }

    /** Does the caller stand this shift? */
    public boolean stands(UUID shiftId) {
        return people.me().map(me -> isOn(shiftId, me.id)).orElse(false);
    }

    /** The post of the shift. */
    public DutyScope.Post postOf(DutyShift s) {
        return scope.posts(List.of(s.checkpointId)).get(s.checkpointId);
    }

    /** May the caller manage the shift's post? */
    public boolean canManage(DutyShift s) {
        return scope.canManage(postOf(s).guardPath());
    }

    // ---------------- shifts ----------------

    /** Unfiltered: the shift, or null. */
    public DutyShift unfiltered(UUID id) {
        return DutyShift.findById(id);
    }

    /** Unfiltered: the shifts with these ids. */
    public List<DutyShift> unfiltered(Collection<UUID> ids) {
        return DutyShift.list("id in ?1", ids);
    }

    /** Unfiltered: the shifts with these ids, by start. */
    public List<DutyShift> byStart(Collection<UUID> ids) {
        return DutyShift.list("id in ?1 order by startsAt", ids);
    }

    /** Creates the shift unless its checkpoint has one starting then; 1 if created, 0 if it existed. */
    int insertIfAbsent(UUID communityId, UUID checkpointId, LocalDate date, DutyShift.Kind kind, Instant start,
            Instant end, int needed, String skillsJson) {
        return em.createNativeQuery("""
                insert into duty_shift (id, community_id, checkpoint_id, business_date, kind, starts_at, ends_at,
                                        people_needed, required_skills)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb))
                on conflict (checkpoint_id, starts_at) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, communityId)
                .setParameter(3, checkpointId).setParameter(4, date).setParameter(5, kind.name())
                .setParameter(6, start).setParameter(7, end).setParameter(8, needed)
                .setParameter(9, skillsJson).executeUpdate();
    }

    /**
     * A page of the shifts the caller sees between the dates, by start time, after the cursor (start, id): guarding
     * the area (path) inside or above it, at the checkpoint, only the caller's own.
     */
    @SuppressWarnings("unchecked")
    List<DutyShift> page(LocalDate f, LocalDate t, String areaPath, UUID checkpointId, boolean mine, String cursor,
            int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select s.* from duty_shift s join checkpoint c on c.id = s.checkpoint_id
                join area_node g on g.id = c.guards_node_id
                where s.business_date between :f and :t and\s""").append(scope.visibleShiftSql(p));
        p.put("f", f);
        p.put("t", t);
        if (areaPath != null) {
            sql.append(" and (g.path like :area or :areaPath like g.path || '%')");
            p.put("area", areaPath + "%");
            p.put("areaPath", areaPath);
        }
        if (checkpointId != null) {
            sql.append(" and s.checkpoint_id = :cp");
            p.put("cp", checkpointId);
        }
        if (mine) {
            sql.append(" and exists (select 1 from duty_assignee ma join duty_person mp on mp.id = ma.person_id"
                    + " where ma.shift_id = s.id and mp.username = :me)");
            p.put("me", scope.name());
        }
        after(sql, p, Cursor.decode(cursor, 2));
        sql.append(" order by s.starts_at, s.id limit :lim");
        p.put("lim", limit);
        var q = em.createNativeQuery(sql.toString(), DutyShift.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    private static void after(StringBuilder sql, Map<String, Object> p, List<String> c) {
        if (c != null) {
            try {
                sql.append(" and (s.starts_at, s.id) > (:ct, :cid)");
                p.put("ct", Instant.parse(c.get(0)));
                p.put("cid", UUID.fromString(c.get(1)));
            } catch (RuntimeException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this list gave out");
            }
        }
    }

    /** Unfiltered: a person's shifts overlapping the period. */
    @SuppressWarnings("unchecked")
    public List<DutyShift> personShifts(UUID personId, Instant from, Instant to) {
        return em.createNativeQuery("""
                select s.* from duty_shift s join duty_assignee a on a.shift_id = s.id
                where a.person_id = ?1 and s.ends_at > ?2 and s.starts_at < ?3""", DutyShift.class)
                .setParameter(1, personId).setParameter(2, from).setParameter(3, to).getResultList();
    }

    /** Unfiltered (the roster job): [id, checkpoint code, guarded path] of the shifts guarding the area on the dates. */
    @SuppressWarnings("unchecked")
    public List<Object[]> inArea(String areaPath, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select s.id, c.code, g.path from duty_shift s join checkpoint c on c.id = s.checkpoint_id
                join area_node g on g.id = c.guards_node_id
                where g.path like ?1 and s.business_date between ?2 and ?3 order by s.starts_at""")
                .setParameter(1, areaPath + "%").setParameter(2, from).setParameter(3, to).getResultList();
    }

    /**
     * Unfiltered (the gap sweep): [id, start, end, kind, checkpoint id, code, name, guarded node, assignees] of the
     * shifts without a gap alert that started in the period with nobody checked in.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> unattended(Instant startedBy, Instant startedAfter) {
        return em.createNativeQuery("""
                select s.id, s.starts_at, s.ends_at, s.kind, c.id, c.code, c.name, c.guards_node_id,
                       (select count(*) from duty_assignee a where a.shift_id = s.id)
                from duty_shift s join checkpoint c on c.id = s.checkpoint_id
                where s.gap_alert_id is null and s.starts_at <= ?1 and s.starts_at > ?2 and s.ends_at > s.starts_at
                  and not exists (select 1 from duty_check_in ci where ci.shift_id = s.id)
                order by s.starts_at limit 1000""")
                .setParameter(1, startedBy).setParameter(2, startedAfter).getResultList();
    }

    void markGap(UUID shiftId, UUID alertId) {
        em.createNativeQuery("update duty_shift set gap_alert_id = ?2 where id = ?1").setParameter(1, shiftId)
                .setParameter(2, alertId).executeUpdate();
    }

    // ---------------- assignees ----------------

    /** Is the person on the shift? */
    public boolean isOn(UUID shiftId, UUID personId) {
        return DutyAssignee.count("shiftId = ?1 and personId = ?2", shiftId, personId) > 0;
    }

    /** Takes the person off the shift; how many rows went (0 or 1). */
    public long takeOff(UUID shiftId, UUID personId) {
        return DutyAssignee.delete("shiftId = ?1 and personId = ?2", shiftId, personId);
    }

    void add(DutyAssignee a) {
        a.persist();
        em.flush();
    }

    public void flush() {
        em.flush();
    }

    /** The assignees of the shifts, oldest first. */
    List<DutyAssignee> assignees(Collection<UUID> shiftIds) {
        return DutyAssignee.list("shiftId in ?1 order by createdAt", shiftIds);
    }

    /** Unfiltered (the roster job): the assignees of the shifts. */
    public List<DutyAssignee> assigneesOf(Collection<UUID> shiftIds) {
        return DutyAssignee.list("shiftId in ?1", shiftIds);
    }

    /** The people on the shift. */
    List<UUID> personIdsOn(UUID shiftId) {
        return DutyAssignee.<DutyAssignee>list("shiftId", shiftId).stream().map(a -> a.personId).toList();
    }

    /** Unfiltered (the roster job): [shift id, person id] of the people's other shifts overlapping the period. */
    @SuppressWarnings("unchecked")
    public List<Object[]> elsewhere(Collection<UUID> personIds, Instant from, Instant to, Collection<UUID> notShiftIds) {
        return em.createNativeQuery("""
                select a.shift_id, a.person_id from duty_assignee a join duty_shift s on s.id = a.shift_id
                where a.person_id = any(?1) and s.ends_at > ?2 and s.starts_at < ?3 and not (s.id = any(?4))""")
                .setParameter(1, personIds.toArray(UUID[]::new)).setParameter(2, from).setParameter(3, to)
                .setParameter(4, notShiftIds.toArray(UUID[]::new)).getResultList();
    }
}

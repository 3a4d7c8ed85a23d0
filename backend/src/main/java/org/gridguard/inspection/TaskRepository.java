package org.gridguard.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;
import org.gridguard.inspection.InspectionViews.PlaceKind;
import org.gridguard.inspection.InspectionViews.Severity;
import org.gridguard.inspection.InspectionViews.TaskKind;
import org.gridguard.inspection.InspectionViews.TaskStatus;
import org.gridguard.inspection.InspectionViews.TaskView;
import org.gridguard.security.Jurisdiction;

/** Every query of {@code inspection_task} and {@code inspection_recheck}, with the caller's reach applied to lists. */
@ApplicationScoped
public class TaskRepository {

    private static final String COLUMNS = """
            select k.id, k.kind, k.place_kind, k.place_id, k.place_name, k.item_id, it.text, it.severity, k.reason,
                   k.responsible_name, k.due_at, k.status, k.opened_by, k.closed_by, k.closed_at, k.item_id, k.area_id
            from inspection_task k join area_node an on an.id = k.area_id left join inspection_item it on it.id = k.item_id""";

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** What a list is filtered on; null fields filter nothing. {@code responsibleUser}: only that user's tasks. */
    record Filter(TaskStatus status, PlaceKind placeKind, UUID placeId, String areaPath, TaskKind kind,
            String responsibleUser) {
    }

    /** A new RECTIFY task for a failed item. */
    void insertRectify(UUID inspectionId, PlaceRepository.Place place, UUID itemId, String reason, String responsibleName,
            String responsibleUser, Instant dueAt) {
        Object[] v = { UUID.randomUUID(), place.kind().name(), place.id(), place.name(), place.areaId(), itemId, reason,
                responsibleName, responsibleUser, dueAt, inspectionId };
        var q = em.createNativeQuery("""
                insert into inspection_task (id, kind, place_kind, place_id, place_name, area_id, item_id, reason,
                responsible_name, responsible_user, due_at, status, opened_by)
                values (?1, 'RECTIFY', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'OPEN', ?11)""");
        for (int i = 0; i < v.length; i++) {
            q.setParameter(i + 1, v[i]);
        }
        q.executeUpdate();
    }

    /** A FIRST_CHECK task of an enterprise resuming on {@code day}, once per enterprise and day; true if new. */
    boolean insertFirstCheck(UUID enterpriseId, String name, UUID areaId, LocalDate day, Instant dueAt) {
        return em.createNativeQuery("""
                insert into inspection_task (id, kind, place_kind, place_id, place_name, area_id, due_at, status,
                first_check_day) values (?1, 'FIRST_CHECK', 'ENTERPRISE', ?2, ?3, ?4, ?5, 'OPEN', ?6) on conflict do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, enterpriseId).setParameter(3, name)
                .setParameter(4, areaId).setParameter(5, dueAt).setParameter(6, day).executeUpdate() == 1;
    }

    /** The task locked, or null: kind, place kind, place id, item id, status. */
    Object[] lock(UUID id) {
        List<Object[]> rows = Rows.list(em, "select kind, place_kind, place_id, item_id, status from inspection_task"
                + " where id = :id for update", Map.of("id", id));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Records what a re-check answered for the task's item (a repeated re-check by the same inspection: once). */
    void recheck(UUID taskId, UUID inspectionId, String result) {
        em.createNativeQuery("insert into inspection_recheck (task_id, inspection_id, result) values (?1, ?2, ?3)"
                + " on conflict do nothing").setParameter(1, taskId).setParameter(2, inspectionId).setParameter(3, result)
                .executeUpdate();
    }

    void close(UUID taskId, UUID inspectionId, Instant at) {
        em.createNativeQuery("update inspection_task set status = 'CLOSED', closed_by = ?2, closed_at = ?3"
                + " where id = ?1 and status <> 'CLOSED'").setParameter(1, taskId).setParameter(2, inspectionId)
                .setParameter(3, at).executeUpdate();
    }

    /** Closes the enterprise's first-check tasks of the day by the inspection. */
    void closeFirstChecks(UUID enterpriseId, LocalDate day, UUID inspectionId, Instant at) {
        em.createNativeQuery("""
                update inspection_task set status = 'CLOSED', closed_by = ?3, closed_at = ?4
                where kind = 'FIRST_CHECK' and place_id = ?1 and first_check_day = ?2 and status <> 'CLOSED'""")
                .setParameter(1, enterpriseId).setParameter(2, day).setParameter(3, inspectionId).setParameter(4, at)
                .executeUpdate();
    }

    /** The first inspection of the enterprise on the business day of the zone, or null. */
    Object[] inspectionOn(UUID enterpriseId, LocalDate day, String zone) {
        List<Object[]> rows = Rows.list(em, """
                select id, inspected_at from inspection where place_kind = 'ENTERPRISE' and place_id = :place
                  and cast(inspected_at at time zone :zone as date) = :day order by inspected_at limit 1""",
                Map.of("place", enterpriseId, "day", day, "zone", zone));
        return rows.isEmpty() ? null : rows.get(0);
    }

    List<TaskView> openedBy(UUID inspectionId) {
        return views(COLUMNS + " where k.opened_by = :id order by it.position", Map.of("id", inspectionId));
    }

    List<TaskView> closedBy(UUID inspectionId) {
        return views(COLUMNS + " where k.closed_by = :id order by k.due_at, k.id", Map.of("id", inspectionId));
    }

    /** The open and overdue tasks of a place, earliest due first. */
    List<TaskView> openAt(PlaceKind kind, UUID placeId) {
        return views(COLUMNS + " where k.place_kind = :kind and k.place_id = :place and k.status <> 'CLOSED'"
                + " order by k.due_at, k.id", Map.of("kind", kind.name(), "place", placeId));
    }

    /** Earliest due first, keyset-paged after ({@code afterAt}, {@code afterId}): in reach, or the user's own. */
    List<TaskView> page(Filter f, Instant afterAt, UUID afterId, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        if (f.responsibleUser() != null) {
            sql.append(" and k.responsible_user = :user");
            p.put("user", f.responsibleUser());
        } else if (!jurisdiction.isGlobal()) {
            sql.append(" and an.path like any(cast(:patterns as text[]))");
            p.put("patterns", jurisdiction.likePatterns());
        }
        Object[][] eq = { { "k.status", f.status() }, { "k.place_kind", f.placeKind() }, { "k.place_id", f.placeId() },
                { "k.kind", f.kind() } };
        for (int i = 0; i < eq.length; i++) {
            if (eq[i][1] != null) {
                sql.append(" and ").append(eq[i][0]).append(" = :p").append(i);
                p.put("p" + i, eq[i][1] instanceof Enum<?> e ? e.name() : eq[i][1]);
            }
        }
        if (f.areaPath() != null) {
            sql.append(" and an.path like :area");
            p.put("area", f.areaPath() + "%");
        }
        if (afterAt != null) {
            sql.append(" and (k.due_at, k.id) > (:afterAt, :afterId)");
            p.put("afterAt", afterAt);
            p.put("afterId", afterId);
        }
        sql.append(" order by k.due_at, k.id limit :lim");
        p.put("lim", limit);
        return views(sql.toString(), p);
    }

    /** Open tasks past their due time, now OVERDUE: id, kind, place name, area, item text (locked, skipped if busy). */
    List<Object[]> markOverdue(Instant now) {
        return Rows.list(em, """
                update inspection_task k set status = 'OVERDUE' from (
                  select id from inspection_task where status = 'OPEN' and due_at <= :now order by due_at limit 1000
                  for update skip locked) d
                where k.id = d.id
                returning k.id, k.kind, k.place_name, k.area_id, (select text from inspection_item where id = k.item_id),
                          k.place_kind, k.place_id, k.due_at""", Map.of("now", now));
    }

    /** The tasks not closed at places within the area path (null: all), and of them those past due at {@code now}. */
    long[] counts(String areaPath, Instant now) {
        Object[] r = Rows.list(em, """
                select count(*), count(*) filter (where k.due_at <= :now) from inspection_task k
                join area_node an on an.id = k.area_id where an.path like :area and k.status <> 'CLOSED'""",
                Map.of("area", InspectionRepository.like(areaPath), "now", now)).get(0);
        return new long[] { ((Number) r[0]).longValue(), ((Number) r[1]).longValue() };
    }

    /**
     * The daily report: per day of [first, last] in the zone, the tasks at places within the area path opened and closed
     * that day, and those overdue at the day's end (or {@code now} for today): opened before, due before, not closed
     * then. Rows of (day, figure, count); the figures are the section's keys. One statement for the whole range.
     */
    List<Object[]> byDay(String areaPath, java.time.LocalDate first, java.time.LocalDate last, Instant now, java.time.ZoneId zone) {
        return Rows.list(em, """
                with k as (select k.created_at, k.due_at, k.closed_at from inspection_task k
                           join area_node an on an.id = k.area_id where an.path like :area
                             and k.created_at < :toEnd and (k.closed_at is null or k.closed_at >= :fromStart)),
                d as (select cast(g as date) as day,
                             cast(g as timestamp) at time zone :zone as day_start,
                             least(cast(g + interval '1 day' as timestamp) at time zone :zone, :now) as day_end
                      from generate_series(cast(:first as timestamp), cast(:last as timestamp), interval '1 day') g)
                select d.day, 'inspections.tasksOpened', count(*) from d join k
                  on k.created_at >= d.day_start and k.created_at < d.day_end group by 1
                union all
                select d.day, 'inspections.tasksClosed', count(*) from d join k
                  on k.closed_at >= d.day_start and k.closed_at < d.day_end group by 1
                union all
                select d.day, 'inspections.tasksOverdue', count(*) from d join k
                  on k.created_at < d.day_end and k.due_at < d.day_end and (k.closed_at is null or k.closed_at > d.day_end)
                where d.day_start < :now group by 1""", Map.of("area", InspectionRepository.like(areaPath), "first",
                first.toString(), "last", last.toString(), "now", now, "zone", zone.getId(), "fromStart",
                first.atStartOfDay(zone).toInstant(), "toEnd", last.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private List<TaskView> views(String sql, Map<String, Object> p) {
        return Rows.list(em, sql, p).stream().map(r -> new TaskView((UUID) r[0], TaskKind.valueOf((String) r[1]),
                PlaceKind.valueOf((String) r[2]), (UUID) r[3], (String) r[4], (UUID) r[5], (String) r[6],
                r[7] == null ? null : Severity.valueOf((String) r[7]), (String) r[8], (String) r[9], Rows.instant(r[10]),
                TaskStatus.valueOf((String) r[11]), (UUID) r[12], (UUID) r[13], Rows.instant(r[14]))).toList();
    }
}

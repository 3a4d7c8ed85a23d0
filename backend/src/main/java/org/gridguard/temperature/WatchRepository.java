package org.gridguard.temperature;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.security.Jurisdiction;
import org.gridguard.temperature.TemperatureViews.ReportStatus;
import org.gridguard.temperature.TemperatureViews.ReportWindow;

/**
 * Every query of the watch list and its reports, with the caller's reach applied here ({@link #scope}): watches of
 * the caller's communities under their area paths. The reports read {@code temperature_check} for each window.
 */
@ApplicationScoped
public class WatchRepository {

    @Inject
    EntityManager em;
    @Inject
    Jurisdiction jurisdiction;

    /** A resident's community, grid cell, area and area path, for a new watch; null when unknown. */
    @SuppressWarnings("unchecked")
    Object[] residentPlace(UUID residentId) {
        List<Object[]> rows = em.createNativeQuery("""
                select r.community_id, r.grid_cell_id, r.area_id, an.path from census_resident r
                join area_node an on an.id = r.area_id where r.id = ?1""").setParameter(1, residentId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The path of an area node, or null. */
    String areaPath(UUID areaId) {
        return (String) em.createNativeQuery("select path from area_node where id = ?1").setParameter(1, areaId)
                .getResultList().stream().findFirst().orElse(null);
    }

    /** " and (alias {@code t} in the caller's communities and area paths)"; nothing for admins. */
    String scope(Map<String, Object> p, String t) {
        if (jurisdiction.isGlobal()) {
            return "";
        }
        p.put("communities", jurisdiction.communityIds().toArray(UUID[]::new));
        p.put("patterns", jurisdiction.likePatterns());
        return " and " + t + ".community_id = any(cast(:communities as uuid[])) and an.path like any(cast(:patterns as text[]))";
    }

    /** A page of the caller's watches by id, after {@code after}, below {@code areaPath} if given, running on {@code activeOn}. */
    @SuppressWarnings("unchecked")
    List<Watch> page(String areaPath, LocalDate activeOn, UUID after, int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("select w.* from watch w join area_node an on an.id = w.area_id where 1 = 1");
        sql.append(scope(p, "w"));
        if (areaPath != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPath + "%");
        }
        if (activeOn != null) {
            sql.append(" and w.starts_on <= :on and w.ends_on >= :on");
            p.put("on", activeOn);
        }
        if (after != null) {
            sql.append(" and w.id > :after");
            p.put("after", after);
        }
        sql.append(" order by w.id limit :lim");
        p.put("lim", limit);
        var q = em.createNativeQuery(sql.toString(), Watch.class);
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /** Residents by id: id, name, door label, cell name. */
    @SuppressWarnings("unchecked")
    Map<UUID, Object[]> people(UUID[] residentIds) {
        Map<UUID, Object[]> people = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select r.id, r.name, concat_ws(' ', cn.name, bn.name, h.door_number), cell.name
                from census_resident r join census_household h on h.id = r.household_id join area_node cell on cell.id = r.grid_cell_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                where r.id = any(?1)""").setParameter(1, residentIds).getResultList()) {
            people.put((UUID) r[0], r);
        }
        return people;
    }

    /** Where to continue a page of reports: after this watch and window. */
    record ReportCursor(UUID watchId, String window) {
    }

    /**
     * One row per watch running on {@code day} and window: watch id, resident id, name, door label, cell name, window,
     * the window's latest reading (id, temperature, measured at, fever) and its MISSING_REPORT alert id.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> reports(LocalDate day, ReportWindow window, ReportStatus status, String areaPath, ReportCursor after,
            int limit) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select w.id, w.resident_id, r.name, concat_ws(' ', cn.name, bn.name, h.door_number), cell.name, win.w,
                       rd.id, rd.temperature, rd.measured_at, rd.fever, al.id
                from watch w join census_resident r on r.id = w.resident_id join census_household h on h.id = r.household_id
                join area_node an on an.id = w.area_id join area_node cell on cell.id = w.grid_cell_id
                left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
                cross join unnest(cast(:wins as text[])) as win(w)
                left join lateral (select t.id, t.temperature, t.measured_at, t.fever from temperature_check t
                                   where t.resident_id = w.resident_id and t.business_date = :day and t.report_window = win.w
                                   order by t.measured_at desc limit 1) rd on true
                left join alert_raised al on al.kind = 'MISSING_REPORT'
                     and al.dedupe_key = 'missing:' || cast(w.resident_id as text) || ':' || :dayText || ':' || win.w
                where w.starts_on <= :day and w.ends_on >= :day""");
        sql.append(scope(p, "w"));
        p.put("day", day);
        p.put("dayText", day.toString());
        p.put("wins", window == null ? new String[] { "MORNING", "AFTERNOON" } : new String[] { window.name() });
        if (areaPath != null) {
            sql.append(" and an.path like :area");
            p.put("area", areaPath + "%");
        }
        if (status == ReportStatus.MISSING) {
            sql.append(" and rd.id is null");
        } else if (status == ReportStatus.REPORTED) {
            sql.append(" and rd.id is not null");
        }
        if (after != null) {
            p.put("afterId", after.watchId());
            p.put("afterWin", after.window());
            sql.append(" and (w.id, win.w) > (:afterId, :afterWin)");
        }
        sql.append(" order by w.id, win.w limit :lim");
        p.put("lim", limit);
        var q = em.createNativeQuery(sql.toString());
        p.forEach(q::setParameter);
        return q.getResultList();
    }

    /**
     * The living residents under watch on {@code day} with no reading in {@code window}: resident id, name, grid cell,
     * the first watch id, their watch reasons. Not limited to the caller's reach: the sweep runs as the system. A person
     * under an active quarantine order (the view {@code quarantine_active}) is left out: the order's visits follow them
     * (VISIT_MISSED), never also MISSING_REPORT.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> missing(LocalDate day, ReportWindow window) {
        return em.createNativeQuery("""
                select w.resident_id, r.name, r.grid_cell_id, min(cast(w.id as text)), string_agg(distinct w.reason, ',')
                from watch w join census_resident r on r.id = w.resident_id
                where w.starts_on <= ?1 and w.ends_on >= ?1 and r.status = 'LIVING'
                  and not exists (select 1 from temperature_check t where t.resident_id = w.resident_id
                                  and t.business_date = ?1 and t.report_window = ?2)
                  and not exists (select 1 from quarantine_active q where q.resident_id = w.resident_id and q.starts_on <= ?1)
                group by w.resident_id, r.name, r.grid_cell_id order by w.resident_id""")
                .setParameter(1, day).setParameter(2, window.name()).getResultList();
    }

    /**
     * Per day and window from {@code from} to {@code to}, below the area path pattern {@code like}: residents under
     * watch, and those of them with a reading in that window.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> reportsDueAndReceived(String like, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select cast(d as date), win, count(distinct w.resident_id),
                       count(distinct w.resident_id) filter (where exists (select 1 from temperature_check t
                           where t.resident_id = w.resident_id and t.business_date = cast(d as date) and t.report_window = win))
                from generate_series(cast(?2 as date), cast(?3 as date), interval '1 day') d
                cross join unnest(array['MORNING','AFTERNOON']) as win
                join watch w on w.starts_on <= cast(d as date) and w.ends_on >= cast(d as date)
                join area_node an on an.id = w.area_id
                where an.path like ?1 group by 1, 2""")
                .setParameter(1, like).setParameter(2, from).setParameter(3, to).getResultList();
    }
}

package org.gridguard.temperature;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.area.AreaSubtrees;
import org.gridguard.area.AreaSubtrees.Subtree;
import org.gridguard.common.Rows;

/**
 * The daily report's checkpoint and temperature figures and the dashboard's temperature tiles, over an area subtree
 * ({@code path}: the node and everything under it). Readings count where they were taken (the resident's area, or
 * the node a checkpoint guards for visitors), on their business day.
 */
@ApplicationScoped
public class TemperatureReportRepository {

    @Inject
    EntityManager em;
    @Inject
    AreaSubtrees subtrees;

    /**
     * Per day from {@code first} to {@code last} (text yyyy-MM-dd): gate registrations, of them residents, visitors
     * and vehicles; all readings (gates and watch reports); fevers.
     */
    List<Object[]> daily(String path, LocalDate first, LocalDate last) {
        Subtree in = subtrees.of(path);
        return Rows.list(em, """
                with per_day as (
                  select t.business_date as day, count(*) filter (where t.source = 'GATE') as gate,
                         count(*) filter (where t.source = 'GATE' and t.resident_id is not null) as residents,
                         count(*) filter (where t.source = 'GATE' and t.visitor_name is not null) as visitors,
                         count(*) filter (where t.source = 'GATE' and t.vehicle_plate is not null) as vehicles,
                         count(*) as readings, count(*) filter (where t.fever) as fevers
                  from temperature_check t
                  where t.business_date between :first and :last and %s
                  group by 1)
                select to_char(d.day, 'YYYY-MM-DD'), coalesce(p.gate, 0), coalesce(p.residents, 0),
                       coalesce(p.visitors, 0), coalesce(p.vehicles, 0), coalesce(p.readings, 0), coalesce(p.fevers, 0)
                from (select cast(g as date) as day
                      from generate_series(cast(:first as date), cast(:last as date), interval '1 day') g) d
                left join per_day p on p.day = d.day order by d.day""".formatted(in.filter("t")),
                in.bind(new HashMap<>(Map.of("first", first, "last", last))));
    }

    /**
     * Watch reports of the day still missing in the given windows (those opened so far): people under watch in the
     * subtree without a reading in that window; only in the grid cells assigned to {@code worker} unless it is
     * blank.
     */
    long missingReports(String path, String worker, LocalDate day, String[] windows) {
        return single("""
                select count(distinct (w.resident_id, win.w)) from watch w join area_node an on an.id = w.area_id
                cross join unnest(cast(:windows as text[])) as win(w)
                where an.path like :path || '%' and w.starts_on <= :day and w.ends_on >= :day
                  and (:worker = '' or w.grid_cell_id in (select n.id from area_node n
                         join assignment a on a.principal = :worker and a.role = 'grid-worker'
                         join area_node mine on mine.id = a.node_id
                       where n.kind = 'GRID_CELL' and n.path like mine.path || '%'))
                  and not exists (select 1 from temperature_check t where t.resident_id = w.resident_id
                                  and t.business_date = :day and t.report_window = win.w)""",
                Map.of("path", path, "worker", worker, "day", day, "windows", windows));
    }

    /** FEVER alerts not closed in the subtree (the alert module's port view alert_raised). */
    long openFevers(String path) {
        return single("""
                select count(*) from alert_raised a join area_node n on n.id = a.area_id
                where a.kind = 'FEVER' and a.state <> 'CLOSED' and n.path like :path || '%'""",
                Map.of("path", path));
    }

    private long single(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }
}

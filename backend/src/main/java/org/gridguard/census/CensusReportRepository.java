package org.gridguard.census;

import java.time.Instant;
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
 * The daily report's census figures and the dashboard's census tiles, over an area subtree ({@code path}, the
 * node and everything under it). Households are never deleted and residents are created living, so a past day's
 * households and living residents are today's minus what was created (and, for residents, what changed status)
 * after that day: the census's change history holds every status change with its time. People are counted in the
 * area they belong to now. Today's totals are pre-counted per area (V33, ADR 0054); the changes are found by their
 * time (V29_1); every row is found through its community's index (AreaSubtrees).
 */
@ApplicationScoped
public class CensusReportRepository {

    static final String DAILY = """
            with hh_added as (select cast(h.created_at at time zone :zone as date) as day, count(*) as n from household h
                         where h.created_at >= :from and %1$s group by 1),
            res_added as (select cast(r.created_at at time zone :zone as date) as day, count(*) as n from resident r
                          where r.created_at >= :from and %2$s group by 1),
            moves as (select cast(c.at at time zone :zone as date) as day,
                             count(*) filter (where c.changes -> 'status' ->> 'old' = 'LIVING') as left_,
                             count(*) filter (where c.changes -> 'status' ->> 'new' = 'LIVING') as back
                      from census_change c join resident r on r.id = c.subject_id
                      where c.subject_type = 'RESIDENT' and c.changes -> 'status' is not null and c.at >= :from
                        and %2$s
                      group by 1),
            ver as (select v.verified_on as day, count(distinct v.household_id) filter (where v.method = 'PHONE') as phone,
                           count(distinct v.household_id) filter (where v.method = 'VISIT') as visit,
                           count(distinct v.household_id) filter (where v.method = 'NOTICE') as notice
                    from household_verification v join household h on h.id = v.household_id
                    where v.verified_on between :first and :last and %1$s group by 1),
            now_ as (select coalesce(sum(c.households), 0) as households, coalesce(sum(c.living), 0) as residents
                     from census_count c where %3$s),
            days as (select cast(g as date) as day
                     from generate_series(cast(:first as date), cast(:last as date), interval '1 day') g)
            select to_char(d.day, 'YYYY-MM-DD'),
              n.households - coalesce((select sum(a.n) from hh_added a where a.day > d.day), 0),
              n.residents - coalesce((select sum(a.n) from res_added a where a.day > d.day), 0)
                - coalesce((select sum(back - left_) from moves m where m.day > d.day), 0),
              coalesce(ha.n, 0), coalesce(ra.n, 0), coalesce(m.left_, 0), coalesce(v.phone, 0), coalesce(v.visit, 0),
              coalesce(v.notice, 0)
            from days d cross join now_ n left join hh_added ha on ha.day = d.day
            left join res_added ra on ra.day = d.day left join moves m on m.day = d.day left join ver v on v.day = d.day
            order by d.day""";

    /**
     * Per day from {@code first} to {@code last} (text yyyy-MM-dd): households, living residents (both at the end of
     * the day), households and residents added, residents who left (moved out or died),
     * households verified by phone and by visit, households left a notice. Today's households and residents are the
     * pre-counted totals of the subtree's areas ({@code census_count}, V33).
     */
    List<Object[]> daily(String path, LocalDate first, LocalDate last, Instant from, String zone) {
        Subtree in = subtrees.of(path);
        return Rows.list(em, DAILY.formatted(in.filter("h"), in.filter("r"), in.filter("c")),
                in.bind(new HashMap<>(Map.of("first", first, "last", last, "from", from, "zone", zone))));
    }

    /**
     * The tiles' figures: [households never verified, living residents] in the subtree, or, when {@code worker}
     * is not null, in the grid cells assigned to that worker inside it.
     */
    Object[] tiles(String path, String worker) {
        return Rows.list(em, """
                with cells as (select id from area_node where kind = 'GRID_CELL'
                                 and (path like :path || '%' or :path like path || '%')
                                 and (:worker = '' or id in (select n.id from area_node n
                                        join assignment a on a.principal = :worker and a.role = 'grid-worker'
                                        join area_node an on an.id = a.node_id
                                      where n.kind = 'GRID_CELL' and n.path like an.path || '%'))),
                nodes as (select id from area_node where path like :path || '%')
                select (select count(*) from household h where h.grid_cell_id in (select id from cells)
                          and h.area_id in (select id from nodes) and h.last_verified_on is null),
                       (select count(*) from resident r where r.grid_cell_id in (select id from cells)
                          and r.area_id in (select id from nodes) and r.status = 'LIVING')""",
                Map.of("path", path, "worker", worker == null ? "" : worker)).get(0);
    }

    @Inject
    EntityManager em;
    @Inject
    AreaSubtrees subtrees;
}

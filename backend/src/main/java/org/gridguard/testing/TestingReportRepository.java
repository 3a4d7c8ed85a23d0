package org.gridguard.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;

/**
 * The daily report's testing figures and the dashboard's testing tiles over the grid cells of an area subtree
 * ({@code path}; samples, tasks and exemptions belong to a grid cell, so below a cell there is nothing to count).
 * Only rounds sampling at some time of the period are read: a planned round has no sample, a closed one no new one.
 */
@ApplicationScoped
public class TestingReportRepository {

    static final String CELLS = """
            with cells as (select id from area_node where kind = 'GRID_CELL' and path like :path || '%'
                             and (:worker = '' or id in (select n.id from area_node n
                                    join assignment a on a.principal = :worker and a.role = 'grid-worker'
                                    join area_node mine on mine.id = a.node_id
                                  where n.kind = 'GRID_CELL' and n.path like mine.path || '%'))),
            """;

    @Inject
    EntityManager em;

    /**
     * Per day from {@code first} to {@code last} (text yyyy-MM-dd, days of {@code zone}): at the end of the day, over
     * the rounds sampling on that day (started before its end, not closed before its start; where two rounds cover a
     * cell that day, the one started last — a make-up round after a round closed that morning), the people to sample
     * (counted minus exempt), those sampled and those missing, each cell at its latest day snapshot up to that day
     * (ADR 0053); then the day's events: residents sampled,
     * make-up samples, re-tests done, door-to-door visits done, exemptions granted, pools reported positive (a pool
     * counts in an area when one of its samples is from there).
     */
    List<Object[]> daily(String path, LocalDate first, LocalDate last, Instant from, Instant to, String zone) {
        return Rows.list(em, CELLS + """
                rounds as (select id, started_at, closed_at from test_round
                           where started_at < :to and (closed_at is null or closed_at >= :from)),
                days as (select cast(g as date) as day
                         from generate_series(cast(:first as date), cast(:last as date), interval '1 day') g),
                running as (select d.day, r.id, r.started_at from days d join rounds r
                              on r.started_at < cast(d.day + 1 as timestamp) at time zone :zone
                             and (r.closed_at is null or r.closed_at >= cast(d.day as timestamp) at time zone :zone)),
                snap as (select distinct on (x.day, y.round_id, y.grid_cell_id) x.day, x.started_at, y.grid_cell_id,
                                y.residents - y.exempt as to_sample, y.sampled
                         from running x join test_coverage_cell_day y on y.round_id = x.id and y.day <= x.day
                         where y.grid_cell_id in (select id from cells)
                         order by x.day, y.round_id, y.grid_cell_id, y.day desc),
                latest as (select distinct on (day, grid_cell_id) day, to_sample, sampled from snap
                           order by day, grid_cell_id, started_at desc),
                coverage as (select day, sum(to_sample) as to_sample, sum(sampled) as sampled from latest group by day),
                samples as (select cast(s.sampled_at at time zone :zone as date) as day,
                                   count(distinct s.resident_id) as people, count(*) filter (where s.kind = 'MAKEUP') as makeup
                            from test_sample s where s.round_id in (select id from rounds)
                              and s.grid_cell_id in (select id from cells) and s.sampled_at >= :from and s.sampled_at < :to
                            group by 1),
                tasks as (select cast(k.done_at at time zone :zone as date) as day,
                                 count(*) filter (where k.kind = 'RETEST') as retests,
                                 count(*) filter (where k.kind = 'DOOR_TO_DOOR') as visits
                          from test_task k where k.round_id in (select id from rounds)
                            and k.grid_cell_id in (select id from cells) and k.status = 'DONE'
                            and k.done_at >= :from and k.done_at < :to group by 1),
                exempt as (select cast(e.granted_at at time zone :zone as date) as day, count(*) as n
                           from test_exemption e where e.round_id in (select id from rounds)
                             and e.grid_cell_id in (select id from cells) and e.granted_at >= :from and e.granted_at < :to
                           group by 1),
                positive as (select cast(r.received_at at time zone :zone as date) as day, count(distinct r.tube_id) as n
                             from test_tube_result r
                             where r.round_id in (select id from rounds)
                               and r.result = 'POSITIVE' and r.received_at >= :from and r.received_at < :to
                               and exists (select 1 from test_sample s where s.tube_id = r.tube_id
                                           and s.grid_cell_id in (select id from cells))
                             group by 1)
                select to_char(d.day, 'YYYY-MM-DD'), coalesce(v.to_sample, 0), coalesce(v.sampled, 0),
                       coalesce(v.to_sample - v.sampled, 0), coalesce(s.people, 0), coalesce(s.makeup, 0),
                       coalesce(k.retests, 0), coalesce(k.visits, 0), coalesce(e.n, 0), coalesce(p.n, 0)
                from days d left join coverage v on v.day = d.day
                left join samples s on s.day = d.day left join tasks k on k.day = d.day
                left join exempt e on e.day = d.day left join positive p on p.day = d.day
                order by d.day""", Map.of("path", path, "worker", "", "first", first, "last", last, "from", from,
                "to", to, "zone", zone));
    }

    /**
     * The tiles' figures now, in the subtree (or the worker's cells in it when {@code worker} is not blank):
     * [sampled, expected] of the rounds sampling (coverage rollup), re-tests open, urgent re-tests open, positive
     * pools whose re-tests are not all done.
     */
    Object[] tiles(String path, String worker) {
        return Rows.list(em, CELLS + """
                running as (select id from test_round where status = 'SAMPLING'),
                open_retests as (select k.tube_id, k.urgent from test_task k where k.round_id in (select id from running)
                                   and k.grid_cell_id in (select id from cells) and k.kind = 'RETEST' and k.status = 'OPEN')
                select (select coalesce(sum(c.sampled), 0) from test_coverage_cell c
                          where c.round_id in (select id from running) and c.grid_cell_id in (select id from cells)),
                       (select coalesce(sum(c.expected), 0) from test_coverage_cell c
                          where c.round_id in (select id from running) and c.grid_cell_id in (select id from cells)),
                       (select count(*) from open_retests), (select count(*) from open_retests where urgent),
                       (select count(distinct tube_id) from open_retests)""",
                Map.of("path", path, "worker", worker)).get(0);
    }
}

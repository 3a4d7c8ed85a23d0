package org.gridguard.duty.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gridguard.common.Rows;

/**
 * The daily report's duty figures and the dashboard's duty tiles: the shifts of the posts (checkpoints) guarding
 * an area subtree, by their business day.
 */
@ApplicationScoped
public class DutyReportRepository {

    @Inject
    EntityManager em;

    /**
     * Per day from {@code first} to {@code last} (text yyyy-MM-dd): shifts, seats needed, seats filled (assignees,
     * at most the seats of each shift), gaps (no check-in within {@code gapSeconds} of the start, once that time
     * has passed at {@code now}) and minutes on duty (closed check-ins).
     */
    List<Object[]> daily(String path, LocalDate first, LocalDate last, Instant from, Instant to, Instant now,
            long gapSeconds) {
        return Rows.list(em, """
                with posts as (select c.id from checkpoint c join area_node g on g.id = c.guards_node_id
                               where g.path like :path || '%'),
                shifts as (select s.business_date as day, s.starts_at, s.people_needed,
                                  (select count(*) from duty_assignee a where a.shift_id = s.id) as assignees,
                                  (select min(ci.check_in_at) from duty_check_in ci where ci.shift_id = s.id) as first_in,
                                  (select coalesce(sum(extract(epoch from (ci.check_out_at - ci.check_in_at))), 0)
                                   from duty_check_in ci where ci.shift_id = s.id and ci.check_out_at is not null) as secs
                           from duty_shift s
                           where s.checkpoint_id in (select id from posts) and s.business_date between :first and :last
                             and s.starts_at >= :from and s.starts_at < :to),
                per_day as (select day, count(*) as shifts, sum(people_needed) as needed,
                                   sum(least(people_needed, assignees)) as filled,
                                   count(*) filter (where starts_at + make_interval(secs => :gap) <= :now
                                     and (first_in is null or first_in > starts_at + make_interval(secs => :gap))) as gaps,
                                   sum(secs) as secs
                            from shifts group by day)
                select to_char(d.day, 'YYYY-MM-DD'), coalesce(p.shifts, 0), coalesce(p.needed, 0),
                       coalesce(p.filled, 0), coalesce(p.gaps, 0), cast(floor(coalesce(p.secs, 0) / 60) as bigint)
                from (select cast(g as date) as day
                      from generate_series(cast(:first as date), cast(:last as date), interval '1 day') g) d
                left join per_day p on p.day = d.day order by d.day""",
                Map.of("path", path, "first", first, "last", last, "from", from, "to", to, "now", now,
                        "gap", (double) gapSeconds));
    }

    /** [starts at, ends at] of the person's (by user name) shifts of the day, by start. */
    List<Object[]> myShifts(String username, LocalDate day) {
        return Rows.list(em, """
                select s.starts_at, s.ends_at from duty_shift s join duty_assignee a on a.shift_id = s.id
                join duty_person p on p.id = a.person_id
                where p.username = :username and s.business_date = :day order by s.starts_at""",
                Map.of("username", username, "day", day));
    }
}

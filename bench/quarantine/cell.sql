-- The visit list's data (bench/quarantine/run.sh, phase "due"): 500 active orders of residents of BH-C001-G01
-- (worker1's grid cell), started 3 days before :'day' and running 10 more, a visit in the morning window for every
-- other one; and HISTORY released orders of the same community over the year before (the orders a community
-- accumulates, which the day's list must not read), with the visits they had. Everything it made before is removed
-- first (created_by 'bench-cell').
delete from quarantine_visit where order_id in (select id from quarantine_order where created_by = 'bench-cell');
delete from quarantine_order_event where order_id in (select id from quarantine_order where created_by = 'bench-cell');
delete from quarantine_order where created_by = 'bench-cell';

insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id, person_key, kind,
    reason, status, starts_on, ends_on, created_by, updated_by, created_at)
select gen_random_uuid(), 'QB-A' || n, 'BENCH', community_id, grid_cell_id, area_id, id, 'R:' || id,
       case when n % 3 = 0 then 'HOME_MONITORING' else 'HOME_ISOLATION' end, 'CLOSE_CONTACT', 'ACTIVE',
       cast(:'day' as date) - 3, cast(:'day' as date) + 10, 'bench-cell', 'bench-cell', now() - interval '3 days'
from (select r.*, row_number() over (order by r.id) as n
      from resident r join area_node c on c.id = r.grid_cell_id
      where c.code = 'BH-C001-G01' and r.status = 'LIVING'
        and not exists (select 1 from quarantine_order q where q.person_key = 'R:' || r.id and q.status = 'ACTIVE')) r
where n <= 500;

-- a cell of the demo city has fewer than 500 living residents: the rest are non-residents homed in the cell (a
-- bureau's list names people the census does not hold), each with its own document hash
insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, person_name, doc_type, doc_hmac,
    person_key, kind, reason, status, starts_on, ends_on, created_by, updated_by, created_at)
select gen_random_uuid(), 'QB-A' || (1000 + n), 'BENCH', c.community_id, c.id, c.id, '隔离人员' || n, 'MAINLAND_ID',
       decode(md5('bench-cell-' || n), 'hex'), 'D:' || md5('bench-cell-' || n), 'HOME_ISOLATION', 'RETURNEE', 'ACTIVE',
       cast(:'day' as date) - 3, cast(:'day' as date) + 10, 'bench-cell', 'bench-cell', now() - interval '3 days'
from area_node c cross join generate_series(1, 500) n
where c.code = 'BH-C001-G01'
  and n <= 500 - (select count(*) from quarantine_order o where o.grid_cell_id = c.id and o.status = 'ACTIVE');

insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id, person_key, kind,
    reason, status, starts_on, ends_on, released_at, release_reason, created_by, updated_by, created_at)
select gen_random_uuid(), 'QB-H' || n, 'BENCH', community_id, grid_cell_id, area_id, id, 'R:' || id, 'HOME_ISOLATION',
       'CLOSE_CONTACT', 'RELEASED', s, s + 13, (s + 14)::timestamp at time zone 'Asia/Shanghai', 'bench history',
       'bench-cell', 'bench-cell', s::timestamp at time zone 'Asia/Shanghai'
from (select r.*, row_number() over (order by md5(r.id::text)) as n,
             cast(:'day' as date) - 20 - (row_number() over (order by r.id) % 340)::int as s
      from resident r join area_node c on c.id = r.community_id
      where c.code = 'BH-C001' and r.status = 'LIVING') r
where n <= :history;

insert into quarantine_visit (id, order_id, community_id, visit_date, slot, visited_at, mode, temperature, fever, symptoms,
    client_ref, request_hash, recorded_by, recorded_at)
select gen_random_uuid(), o.id, o.community_id, cast(:'day' as date), 'MORNING',
       (cast(:'day' as date) + time '08:30')::timestamp at time zone 'Asia/Shanghai', 'DOOR', 36.5, false, array['NONE'],
       gen_random_uuid(), 'bench', 'worker1', now()
from quarantine_order o where o.created_by = 'bench-cell' and o.status = 'ACTIVE' and o.number like 'QB-A%'
  and substr(o.number, 5)::int % 2 = 0;
-- the visits those orders had: both windows of every day before :'day' (the released ones' 14 days, the running ones' 3)
insert into quarantine_visit (id, order_id, community_id, visit_date, slot, visited_at, mode, temperature, fever, symptoms,
    client_ref, request_hash, recorded_by, recorded_at)
select gen_random_uuid(), o.id, o.community_id, d, w.slot,
       (d + w.at)::timestamp at time zone 'Asia/Shanghai', 'PHONE', 36.4, false, array['NONE'], gen_random_uuid(), 'bench',
       'worker1', (d + w.at)::timestamp at time zone 'Asia/Shanghai'
from quarantine_order o
cross join lateral generate_series(o.starts_on, least(o.ends_on, cast(:'day' as date) - 1), interval '1 day') g
cross join lateral (select cast(g as date) as d) day
cross join (values ('MORNING', time '08:40'), ('AFTERNOON', time '16:40')) as w(slot, at)
where o.created_by = 'bench-cell';
analyze quarantine_order;
analyze quarantine_visit;

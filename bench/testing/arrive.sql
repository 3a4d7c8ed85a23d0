-- One chunk of the first run's arrival (run.sh, phase "first"): the samples of the grid cells :lo … :hi - 1 (in id
-- order) of the round's communities, committed together as a busy site's uploads would be: every living resident
-- once in a pool of 10 of their cell except ~3 % left missing (a hash of the id), :visitors visitors a cell in pools
-- of their own; 4 tubes in 5 with a NEGATIVE result, every 5th ('P…') waiting for the lab. Each sampled person is
-- queued for the rollup with their sample, as a registration through the API queues them (ADR 0019).
-- psql -v round=<id> -v lo=<n> -v hi=<n> -v visitors=<n>
\set ON_ERROR_STOP on
begin;
create temp table cells on commit drop as
  select id, community_id from area_node
  where kind = 'GRID_CELL' and community_id = any((select community_ids from test_round where id = :'round')::uuid[])
  order by id offset :lo limit :hi - :lo;

create temp table s on commit drop as
  select r.id as resident_id, r.community_id, r.grid_cell_id, r.household_id,
         row_number() over (partition by r.grid_cell_id order by r.household_id, r.id) - 1 as k
  from resident r join cells c on c.id = r.grid_cell_id
  where r.status = 'LIVING' and abs(hashtext(r.id::text)) % 100 >= 3;

create temp table v on commit drop as
  select c.id as grid_cell_id, c.community_id, g from cells c cross join generate_series(0, :visitors - 1) g;

create temp table tb on commit drop as
  select gen_random_uuid() as id, x.*, :lo::bigint * 100000 + row_number() over (order by x.grid_cell_id, x.n, x.visitor) as no
  from (select grid_cell_id, k / 10 as n, false as visitor, (array_agg(community_id))[1] as community_id, count(*) as members
        from s group by grid_cell_id, k / 10
        union all
        select grid_cell_id, g / 10, true, (array_agg(community_id))[1], count(*) from v group by grid_cell_id, g / 10) x;

insert into test_tube (id, round_id, barcode, community_id, grid_cell_id, area_id, capacity, members, status, result,
  tested_at, lab, lab_ref, result_at, opened_by, opened_at, closed_at)
select id, :'round', (case when no % 5 = 0 then 'P' else 'T' end) || lpad(no::text, 12, '0'), community_id, grid_cell_id,
  grid_cell_id, 10, members, 'CLOSED', case when no % 5 = 0 then null else 'NEGATIVE' end,
  case when no % 5 = 0 then null else now() end, case when no % 5 = 0 then null else 'lab-demo' end,
  null, case when no % 5 = 0 then null else now() end, 'bench-first', now(), now()
from tb;

with ins as (
  insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, household_id, resident_id, kind, sampled_at,
    sampled_by, created_at)
  select gen_random_uuid(), :'round', tb.id, s.community_id, s.grid_cell_id, s.household_id, s.resident_id, 'ORDINARY',
    now(), 'bench-first', now()
  from s join tb on tb.grid_cell_id = s.grid_cell_id and tb.n = s.k / 10 and not tb.visitor
  returning id, resident_id)
insert into test_dirty_person as d (round_id, resident_id, sample_id)
select :'round', resident_id, id from ins
on conflict (round_id, resident_id) do update set claimed_at = null, sample_id = null
  where d.claimed_at is not null or d.sample_id is not null;

insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, visitor_name, kind, sampled_at, sampled_by,
  created_at)
select gen_random_uuid(), :'round', tb.id, v.community_id, v.grid_cell_id, 'bench visitor', 'ORDINARY', now(),
  'bench-first', now()
from v join tb on tb.grid_cell_id = v.grid_cell_id and tb.n = v.g / 10 and tb.visitor;
commit;

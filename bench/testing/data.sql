-- The benchmark round's samples, generated set-based once (bench/testing/run.sh; cached with the cluster).
-- psql -v round=<id of a SAMPLING round over the whole city, pool size 10, assigned to lab-demo> -v total=1000000
-- Every living resident is sampled ORDINARY once in a pool of 10 of their own grid cell, except ~3 % left missing
-- (a hash of the id); visitors (pools of 10 spread over the cells) fill up to :total samples. Every tube is closed;
-- 4 in 5 have a NEGATIVE result, every 5th ('P…' barcodes) is still waiting for the lab (the lab phase posts those).
\set ON_ERROR_STOP on
begin;
create table bench_round (id uuid primary key, samples bigint, created_at timestamptz not null default now());

create temp table s on commit drop as
  select r.id as resident_id, r.community_id, r.grid_cell_id, r.household_id,
         row_number() over (partition by r.grid_cell_id order by r.household_id, r.id) - 1 as k
  from resident r join unnest((select community_ids from test_round where id = :'round')) c on c = r.community_id
  where r.status = 'LIVING' and abs(hashtext(r.id::text)) % 100 >= 3;

create temp table cells on commit drop as
  select row_number() over (order by id) - 1 as i, id, community_id from area_node
  where kind = 'GRID_CELL' and community_id = any((select community_ids from test_round where id = :'round')::uuid[]);

create temp table visitors on commit drop as
  select g, c.id as grid_cell_id, c.community_id
  from generate_series(0, greatest(0, :total - (select count(*) from s)) - 1) g
  join cells c on c.i = (g / 10) % (select count(*) from cells);

-- pools: residents by (cell, k / 10), visitors by g / 10
create temp table tb on commit drop as
  select gen_random_uuid() as id, x.*, row_number() over (order by x.grid_cell_id, x.n, x.visitor) as no
  from (select grid_cell_id, k / 10 as n, false as visitor, (array_agg(community_id))[1] as community_id, count(*) as members
        from s group by grid_cell_id, k / 10
        union all
        select grid_cell_id, g / 10, true, (array_agg(community_id))[1], count(*) from visitors group by grid_cell_id, g / 10) x;

insert into test_tube (id, round_id, barcode, community_id, grid_cell_id, area_id, capacity, members, status, result,
  tested_at, lab, lab_ref, result_at, opened_by, opened_at, closed_at)
select id, :'round', (case when no % 5 = 0 then 'P' else 'T' end) || lpad(no::text, 8, '0'), community_id, grid_cell_id,
  grid_cell_id, 10, members, 'CLOSED', case when no % 5 = 0 then null else 'NEGATIVE' end,
  case when no % 5 = 0 then null else now() - interval '1 hour' end, case when no % 5 = 0 then null else 'lab-demo' end,
  null, case when no % 5 = 0 then null else now() - interval '1 hour' end, 'bench-data', now() - interval '6 hours',
  now() - interval '3 hours'
from tb;

insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, household_id, resident_id, kind, sampled_at,
  sampled_by, created_at)
select gen_random_uuid(), :'round', tb.id, s.community_id, s.grid_cell_id, s.household_id, s.resident_id, 'ORDINARY',
  now() - interval '5 hours', 'bench-data', now() - interval '5 hours'
from s join tb on tb.grid_cell_id = s.grid_cell_id and tb.n = s.k / 10 and not tb.visitor;

insert into test_sample (id, round_id, tube_id, community_id, grid_cell_id, visitor_name, kind, sampled_at, sampled_by,
  created_at)
select gen_random_uuid(), :'round', tb.id, v.community_id, v.grid_cell_id, 'bench visitor', 'ORDINARY',
  now() - interval '5 hours', 'bench-data', now() - interval '5 hours'
from visitors v join tb on tb.grid_cell_id = v.grid_cell_id and tb.n = v.g / 10 and tb.visitor;

insert into test_dirty_cell (round_id, grid_cell_id) select :'round', id from cells on conflict do nothing;
insert into bench_round (id, samples) values (:'round', (select count(*) from test_sample where round_id = :'round'));
commit;
-- the bench cluster runs without autovacuum: statistics for every table (the demo load's too), or the planner
-- guesses from empty tables
vacuum analyze;
checkpoint;

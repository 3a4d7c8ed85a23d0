-- 30 days of a city's activity for the daily-report benchmark (issue 20), added once on top of the city demo
-- (bench/lib.sh, COMMUNITIES=150). Marked with recorded_by / created_by / verified_by = 'bench' so it can be found.
-- Per day, over the whole city (≈1M residents): 2 % of residents pass a gate (≈20,000 gate checks, 0.5 % fevers),
-- 3 % report a door/phone temperature, 0.3 % of households verified by phone or visit, 40 new quarantine orders
-- (14 days each) with their morning visit every day, 60 needs. Days: the 30 days up to yesterday (Asia/Shanghai).
\set ON_ERROR_STOP on
-- the demo loads the city today; a real community's census was imported long before the 30 days the report looks at
update household set created_at = created_at - interval '60 days' where created_at > now() - interval '1 day';
update resident set created_at = created_at - interval '60 days' where created_at > now() - interval '1 day';
begin;
create temporary table bench_day as
select d::date as day from generate_series((now() at time zone 'Asia/Shanghai')::date - 30,
                                            (now() at time zone 'Asia/Shanghai')::date - 1, interval '1 day') d;

-- gate checks at each community's first checkpoint, and door reports
insert into temperature_check (id, community_id, area_id, grid_cell_id, checkpoint_id, source, direction, measured_at,
    received_at, late, business_date, report_window, temperature, fever, resident_id, recorded_by, request_hash)
select gen_random_uuid(), r.community_id, r.area_id, r.grid_cell_id,
       case when g.gate then (select c.id from checkpoint c where c.community_id = r.community_id order by c.id limit 1) end,
       case when g.gate then 'GATE' else 'DOOR' end, case when g.gate then 'IN' end,
       m.at, m.at, false, b.day, case when extract(hour from m.at at time zone 'Asia/Shanghai') < 12 then 'MORNING' else 'AFTERNOON' end,
       case when random() < 0.005 then 37.8 else 36.4 end, false, r.id, 'bench', 'bench'
from bench_day b
cross join lateral (select * from resident tablesample bernoulli (5) where status = 'LIVING') r
cross join lateral (select random() < 0.4 as gate) g
cross join lateral (select (b.day + time '07:00' + random() * interval '12 hours') at time zone 'Asia/Shanghai' as at) m
where exists (select 1 from checkpoint c where c.community_id = r.community_id) or not g.gate;
update temperature_check set fever = true where recorded_by = 'bench' and temperature >= 37.3 and not fever;

insert into household_verification (id, household_id, community_id, grid_cell_id, verified_on, method, verified_by, created_at)
select gen_random_uuid(), h.id, h.community_id, h.grid_cell_id, b.day, case when random() < 0.7 then 'PHONE' else 'VISIT' end,
       'bench', (b.day + time '10:00') at time zone 'Asia/Shanghai'
from bench_day b cross join lateral (select * from household tablesample bernoulli (0.3)) h;
commit;
vacuum analyze household;
vacuum analyze resident;
analyze temperature_check;
analyze household_verification;

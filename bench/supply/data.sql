-- Supplies benchmark data (bench/supply/run.sh; never loaded by a test): 20 items, 2,000 storage places on the area
-- nodes of the loaded communities, 1,000,000 movements (one line each: purchases of 50 and issues of 20, in an order
-- that never goes below zero), and the balances as the sums of the lines — what the application keeps.
\set ON_ERROR_STOP on
begin;
insert into supply_item (id, name, unit, unit_kind, category, created_by, created_at)
select gen_random_uuid(), 'bench-item-' || i, '只', 'COUNT',
       (array['PROTECTIVE_EQUIPMENT','DISINFECTANT','MEDICAL','FOOD','OTHER'])[1 + i % 5], 'bench', now()
from generate_series(1, 20) i;
create temporary table bench_items as select id, row_number() over (order by name) - 1 as n from supply_item
  where created_by = 'bench';

insert into supply_place (id, kind, name, area_id, community_id, created_by, created_at)
select gen_random_uuid(), 'COMMUNITY_OFFICE', 'bench-place-' || p, n.id, n.community_id, 'bench', now()
from generate_series(0, 1999) p
join lateral (select id, community_id from area_node where community_id is not null
              order by md5(p::text || id::text) limit 1) n on true;
create temporary table bench_places as select id, row_number() over (order by name) - 1 as n from supply_place
  where created_by = 'bench';

-- movement k: place k % 2000, item (k / 2000) % 20; the 25 movements of a (place, item) pair go in, out, out, in …
create temporary table bench_moves as
select gen_random_uuid() as id, k, p.id as place_id, i.id as item_id, p2.community_id,
       case when (k / 40000) % 3 = 0 then 'PURCHASE_IN' else 'ISSUE_OUT' end as kind,
       now() - make_interval(secs => 1000000 - k) as at
from generate_series(0, 999999) k
join bench_places p on p.n = k % 2000
join supply_place p2 on p2.id = p.id
join bench_items i on i.n = (k / 2000) % 20;

insert into supply_movement (id, kind, place_id, community_id, issued_to, to_person, supplier, actor, at)
select id, kind, place_id, community_id, case when kind = 'ISSUE_OUT' then 'PERSON' end,
       case when kind = 'ISSUE_OUT' then '领取人' end, case when kind = 'PURCHASE_IN' then '供应商' end, 'bench', at
from bench_moves order by k;
insert into supply_movement_line (movement_id, line_no, place_id, item_id, delta)
select id, 1, place_id, item_id, case when kind = 'PURCHASE_IN' then 50 else -20 end from bench_moves order by k;
insert into supply_balance (place_id, item_id, on_hand, updated_at)
select place_id, item_id, sum(case when kind = 'PURCHASE_IN' then 50 else -20 end), now()
from bench_moves group by place_id, item_id;
-- a threshold on every tenth pair, so the low flag is computed
insert into supply_threshold (place_id, item_id, low, updated_by, updated_at)
select place_id, item_id, 200, 'bench', now() from supply_balance b join bench_places p on p.id = b.place_id
where p.n % 10 = 0;
commit;
analyze supply_item; analyze supply_place; analyze supply_movement; analyze supply_movement_line;
analyze supply_balance; analyze supply_threshold;

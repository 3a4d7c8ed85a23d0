-- The independent count for the whole round (run.sh, coverage phase): per grid cell, the expected (living residents
-- of the round's communities, minus exemptions), the sampled among them (at least one sample in the round) and the
-- missing. Written by hand from the tables, not from the rollup or the product's SQL.
select r.grid_cell_id, count(*) as expected, count(s.resident_id) as sampled, count(*) - count(s.resident_id) as missing
from resident r
left join (select distinct resident_id from test_sample where round_id = :'round' and resident_id is not null) s
  on s.resident_id = r.id
where r.status = 'LIVING' and r.community_id = any((select community_ids from test_round where id = :'round')::uuid[])
  and not exists (select 1 from test_exemption e where e.round_id = :'round' and e.resident_id = r.id)
group by r.grid_cell_id;

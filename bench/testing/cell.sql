-- The independent count for one grid cell (run.sh, coverage phase): per compound of the cell, as the API's rows.
select h.compound_id, count(*) as expected, count(s.resident_id) as sampled, count(*) - count(s.resident_id) as missing
from resident r join household h on h.id = r.household_id
left join (select distinct resident_id from test_sample where round_id = :'round' and grid_cell_id = :'cell'
           and resident_id is not null) s on s.resident_id = r.id
where r.status = 'LIVING' and r.grid_cell_id = :'cell'
  and not exists (select 1 from test_exemption e where e.round_id = :'round' and e.resident_id = r.id)
group by h.compound_id;

-- The same figures by hand from the ledger alone (no balance table): the sum of the place's lines per item, with the
-- thresholds (psql variable :place). What one would write without supply_balance (ADR 0039).
select i.id, i.name, i.unit, i.unit_kind, i.category, coalesce(s.on_hand, 0), t.low,
       t.low is not null and t.low > 0 and coalesce(s.on_hand, 0) < t.low as low
from supply_item i
left join (select item_id, sum(delta) as on_hand from supply_movement_line where place_id = :'place' group by item_id) s
  on s.item_id = i.id
left join supply_threshold t on t.item_id = i.id and t.place_id = :'place'
where s.item_id is not null or t.place_id is not null
order by i.category, i.name;

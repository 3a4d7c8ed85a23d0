-- "Stock on hand per place", hand-written: the same rows the API answers for one place (psql variable :place).
select i.id, i.name, i.unit, i.unit_kind, i.category, coalesce(b.on_hand, 0), t.low,
       t.low is not null and t.low > 0 and coalesce(b.on_hand, 0) < t.low as low
from supply_item i
left join supply_balance b on b.item_id = i.id and b.place_id = :'place'
left join supply_threshold t on t.item_id = i.id and t.place_id = :'place'
where b.place_id is not null or t.place_id is not null
order by i.category, i.name;

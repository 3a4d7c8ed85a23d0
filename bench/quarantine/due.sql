-- The day's visit list of worker1 (VisitRepository.due as of V21, ADR 0037; the reach's path looked up by key) with the
-- values the API binds: the caller's communities and cell path (:'communities', :'patterns'), the day's windows (:'kinds', :'slots', :'starts',
-- :'ends'), :'day', :'now'; the first page of 50. The raw baseline of run.sh's "due" phase.
select d.order_id, d.number, d.kind, d.resident_id, coalesce(r.name, d.person_name) as name,
       coalesce(concat_ws(' ', cn.name, bn.name, h.door_number), d.address) as address, cell.name as cell,
       d.slot, d.starts_at, d.ends_at, d.visit_id, d.visited_at, d.mode, d.fever, d.status, d.rank
from (select * from (
  select o.id as order_id, o.number, o.kind, o.resident_id, o.person_name, o.address, o.grid_cell_id,
         w.slot, w.starts_at, w.ends_at, v.id as visit_id, v.visited_at, v.mode, v.fever,
         case when v.id is not null then 'DONE' when w.ends_at > cast(:'now' as timestamptz) then 'DUE'
              else 'OVERDUE' end as status,
         case when v.id is null and w.ends_at <= cast(:'now' as timestamptz) then 0 else 1 end as rank
  from quarantine_order o
  join unnest(cast(:'kinds' as text[]), cast(:'slots' as text[]), cast(:'starts' as timestamptz[]), cast(:'ends' as timestamptz[]))
       as w(kind, slot, starts_at, ends_at) on w.kind = o.kind
  left join lateral (select v.id, v.visited_at, v.mode, v.fever from quarantine_visit v
                     where v.order_id = o.id and v.visit_date = cast(:'day' as date) and v.slot = w.slot
                     order by v.visited_at, v.id limit 1) v on true
  where o.starts_on <= cast(:'day' as date) and o.ends_on >= cast(:'day' as date)
    and (o.released_at is null or o.released_at > w.starts_at and o.released_at > cast(:'now' as timestamptz))
    and (o.community_id = any(cast(:'communities' as uuid[])) and (select reach_an.path from area_node reach_an
         where reach_an.id = o.area_id) like any(cast(:'patterns' as text[]))
         or o.site_id = any(cast('{}' as uuid[])))
  ) n order by n.rank, n.starts_at, n.order_id limit 50) d
left join census_resident r on r.id = d.resident_id
left join census_household h on h.id = r.household_id
left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
join area_node cell on cell.id = d.grid_cell_id
order by d.rank, d.starts_at, d.order_id;

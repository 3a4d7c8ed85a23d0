-- VisitRepository.due before V21 / ADR 0037 (every display join for every window before the sort), same values as
-- due.sql: run.sh prints the EXPLAIN ANALYZE of both.
select * from (
  select o.id as order_id, o.number, o.kind, o.resident_id, coalesce(r.name, o.person_name) as name,
         coalesce(concat_ws(' ', cn.name, bn.name, h.door_number), o.address) as address, cell.name as cell,
         w.slot, w.starts_at, w.ends_at, v.id as visit_id, v.visited_at, v.mode, v.fever,
         case when v.id is not null then 'DONE' when w.ends_at > cast(:'now' as timestamptz) then 'DUE'
              else 'OVERDUE' end as status,
         case when v.id is null and w.ends_at <= cast(:'now' as timestamptz) then 0 else 1 end as rank
  from quarantine_order o
  join area_node an on an.id = o.area_id join area_node cell on cell.id = o.grid_cell_id
  join unnest(cast(:'kinds' as text[]), cast(:'slots' as text[]), cast(:'starts' as timestamptz[]), cast(:'ends' as timestamptz[]))
       as w(kind, slot, starts_at, ends_at) on w.kind = o.kind
  left join census_resident r on r.id = o.resident_id
  left join census_household h on h.id = r.household_id
  left join area_node cn on cn.id = h.compound_id left join area_node bn on bn.id = h.building_id
  left join lateral (select v.id, v.visited_at, v.mode, v.fever from quarantine_visit v
                     where v.order_id = o.id and v.visit_date = cast(:'day' as date) and v.slot = w.slot
                     order by v.visited_at, v.id limit 1) v on true
  where o.starts_on <= cast(:'day' as date) and o.ends_on >= cast(:'day' as date)
    and (o.released_at is null or o.released_at > w.starts_at)
    and (o.community_id = any(cast(:'communities' as uuid[])) and exists (select 1 from area_node reach_an
         where reach_an.id = o.area_id and reach_an.path like any(cast(:'patterns' as text[])))
         or o.site_id = any(cast('{}' as uuid[])))
) d order by d.rank, d.starts_at, d.order_id limit 50;

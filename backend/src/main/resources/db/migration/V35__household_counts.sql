-- A household's people (issue 21 A.4, ADR 0056): living_count, tenant_count and, when none was given, contact_name
-- follow the household's residents, kept by the database itself so that no write path can forget them (an import
-- forgot them: 2,718 imported households showed 0 people and no contact). Counted: residents LIVING; tenants: LIVING
-- with the TENANT category; the contact: the living head of household (relation 户主 or 本人), filled in only where
-- the household has no contact name (a contact set by hand is kept).
--
-- Statement-level triggers over the transition tables (like V33): an import's chunk of 5,000 residents recomputes
-- each household it touched once, and an update that changes none of status, categories, relation, name or household
-- (a health code, a phone) recomputes nothing. One aggregate over resident_household_idx counts the touched households;
-- only the households whose figures differ are updated.
create function household_people(touched uuid[]) returns void language sql as $$
  with counted as (
    select t.id, count(r.id) filter (where r.status = 'LIVING') as living,
      count(r.id) filter (where r.status = 'LIVING' and r.categories @> array['TENANT']) as tenants,
      (array_agg(r.name order by r.created_at, r.id)
         filter (where r.status = 'LIVING' and r.relation in ('户主', '本人')))[1] as head
    from unnest(touched) t(id) left join resident r on r.household_id = t.id
    group by t.id)
  update household h set living_count = c.living, tenant_count = c.tenants,
    contact_name = coalesce(h.contact_name, c.head), updated_at = now()
  from counted c
  where h.id = c.id
    and (h.living_count, h.tenant_count, h.contact_name) is distinct from (c.living, c.tenants, coalesce(h.contact_name, c.head))
$$;

create function household_people_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform household_people(array(select distinct household_id from new_rows));
  elsif tg_op = 'DELETE' then
    perform household_people(array(select distinct household_id from old_rows));
  else
    perform household_people(array(
      select distinct unnest(array[o.household_id, n.household_id])
      from old_rows o join new_rows n on n.id = o.id
      where (o.household_id, o.status, o.categories, o.relation, o.name)
            is distinct from (n.household_id, n.status, n.categories, n.relation, n.name)));
  end if;
  return null;
end $$;

create trigger resident_people_added after insert on resident referencing new table as new_rows
  for each statement execute function household_people_changed();
create trigger resident_people_removed after delete on resident referencing old table as old_rows
  for each statement execute function household_people_changed();
create trigger resident_people_changed after update on resident referencing old table as old_rows new table as new_rows
  for each statement execute function household_people_changed();

-- Once, every household: the imports before this migration left them at 0 and without a contact.
select household_people(array(select id from household));

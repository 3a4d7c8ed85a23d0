-- Pre-counted census totals (issue 20, ADR 0054): how many households and living residents each area node holds,
-- kept by the database itself so that no write path of the application can forget them. A street's or a
-- district's daily report read ~1.4M index entries (every household and living resident of the subtree) to
-- count them; it now sums one row per area node.
--
-- The rows are deltas: every statement that inserts, updates or deletes households or residents appends, per
-- (community, area), what it added and removed (statement-level triggers over the transition tables, so an
-- import's chunk of 1,000 rows appends one row per building, and a verification stamp that moves nobody appends
-- nothing). Appending never waits on another writer. The totals of an area are the sum of its rows;
-- CensusCountCompaction folds each area's pending deltas into one row in the same transaction that deletes them,
-- so the sums never change while it runs, and two compactions at once never count a row twice.
create table census_count (
    community_id uuid    not null,
    area_id      uuid    not null,
    households   bigint  not null,
    living       bigint  not null,
    pending      boolean not null default true
);
create index census_count_community_idx on census_count (community_id, area_id);
create index census_count_pending_idx on census_count (area_id) where pending;

insert into census_count (community_id, area_id, households, living, pending)
select community_id, area_id, sum(households), sum(living), false
from (select community_id, area_id, count(*) as households, 0 as living from household group by 1, 2
      union all
      select community_id, area_id, 0, count(*) from resident where status = 'LIVING' group by 1, 2) t
group by 1, 2;

-- The trigger: one row per (community, area) a statement touched, +1 for each household or living resident it
-- wrote, -1 for each one it replaced or removed. An update that moves nobody and changes no status sums to zero
-- and appends nothing. (The transition tables are named per event; dynamic SQL lets one function serve all six.)
create function census_count_delta() returns trigger language plpgsql as $$
declare
  counted text := case tg_table_name when 'resident' then $c$status = 'LIVING'$c$ else 'true' end;
  households int := case tg_table_name when 'household' then 1 else 0 end;
  src text := case tg_op
    when 'INSERT' then format('select community_id, area_id, 1 as n from new_rows where %s', counted)
    when 'DELETE' then format('select community_id, area_id, -1 as n from old_rows where %s', counted)
    else format('select community_id, area_id, 1 as n from new_rows where %1$s
                 union all select community_id, area_id, -1 from old_rows where %1$s', counted) end;
begin
  execute format('insert into census_count (community_id, area_id, households, living)
                  select community_id, area_id, sum(n) * %1$s, sum(n) * (1 - %1$s) from (%2$s) t
                  group by 1, 2 having sum(n) <> 0', households, src);
  return null;
end $$;

create trigger household_count_added after insert on household referencing new table as new_rows
  for each statement execute function census_count_delta();
create trigger household_count_removed after delete on household referencing old table as old_rows
  for each statement execute function census_count_delta();
create trigger household_count_changed after update on household referencing old table as old_rows new table as new_rows
  for each statement execute function census_count_delta();

create trigger resident_count_added after insert on resident referencing new table as new_rows
  for each statement execute function census_count_delta();
create trigger resident_count_removed after delete on resident referencing old table as old_rows
  for each statement execute function census_count_delta();
create trigger resident_count_changed after update on resident referencing old table as old_rows new table as new_rows
  for each statement execute function census_count_delta();

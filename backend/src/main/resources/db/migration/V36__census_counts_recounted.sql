-- The census totals of V33 counted the existing rows before its triggers existed, without a lock: a write of an
-- instance still running the previous version between the two (a rolling deploy) would be in neither. Counted again
-- here under a lock that keeps every census write out until this migration commits; the triggers count every write
-- after it (ADR 0054).
lock table household, resident, census_count in share row exclusive mode;
delete from census_count;
insert into census_count (community_id, area_id, households, living, pending)
select community_id, area_id, sum(households), sum(living), false
from (select community_id, area_id, count(*) as households, 0 as living from household group by 1, 2
      union all
      select community_id, area_id, 0, count(*) from resident where status = 'LIVING' group by 1, 2) t
group by 1, 2;

-- An alert may belong to a node above every community (issue 20: a street's or district's daily report that is late
-- flags it for the level above). Such an alert has no community; it is found by its area's path like every alert.
alter table alert alter column community_id drop not null;

-- the inbox's most overdue first (sort=MOST_OVERDUE: earliest due first, keyset by due time and id)
create index alert_open_due_idx on alert (due_at, id) where state <> 'CLOSED';

-- Escalation (issue 20): an alert still open past its due time by the kind's delay goes one level up, to the
-- nearest ancestor of its area that submits a daily report (zone → grid leaders; community and above → supervisors);
-- still open after another delay, one level further. escalated_at is the last escalation, escalation_area_id the
-- level it is at now; both null while the alert was never escalated.
alter table alert add column escalated_at timestamptz;
alter table alert add column escalation_area_id uuid references area_node (id);

-- the inbox's and the dashboard's "escalated and still open" within a community, and the area-in-use check
create index alert_escalated_idx on alert (community_id, escalated_at) where escalated_at is not null and state <> 'CLOSED';
create index alert_escalation_area_idx on alert (escalation_area_id) where escalation_area_id is not null;

-- the sweep's "open alerts of these kinds last moved (due or escalated) before now − the kind's delay"
create index alert_escalation_due_idx on alert (kind, (coalesce(escalated_at, due_at))) where state <> 'CLOSED';

-- the SQL port gains the columns (appended: a view's columns keep their order)
create or replace view alert_raised as
select id, kind, state, subject_type, subject_id, area_id, community_id, dedupe_key, raised_at, due_at, overdue_since,
       closed_at, updated_at, escalated_at, escalation_area_id
from alert;

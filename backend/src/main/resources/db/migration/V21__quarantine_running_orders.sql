-- The orders running on a day in a community (ADR 0037): the visit list of a cell (VisitRepository.due) and the
-- quarantine metrics read the orders of the caller's communities whose period covers the day. The index on
-- (community_id, status, starts_on) made them read every order the community ever had, released ones included;
-- ends_on >= day keeps the scan to the orders still running (or planned to).
create index quarantine_order_running_idx on quarantine_order (community_id, ends_on, starts_on);

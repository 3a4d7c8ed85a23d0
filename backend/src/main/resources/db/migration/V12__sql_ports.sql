-- Ports in SQL (ADR 0024). The census's port: other features' set-based statements (temperature's places and watches,
-- testing's coverage, worklists and sampling) read the census through these two views, never through its tables.
-- Simple views are expanded by PostgreSQL's rewriter before planning: the plans are those of the tables.
-- The census may change its tables freely as long as these keep their columns and meaning. The ciphertexts of
-- ID numbers and phones are not published: only their HMACs (exact lookup) and masks.
create view census_resident as
select id, community_id, grid_cell_id, area_id, household_id, name, id_type, id_hmac, id_mask, phone_hmac, phone_mask,
       sex, birth_date, relation, categories, returnee_from, returned_on, health_code, health_code_source,
       health_code_seen_at, status, updated_at
from resident;

create view census_household as
select id, community_id, grid_cell_id, compound_id, building_id, area_id, door_number, living_count, tenant_count,
       status, last_verified_on, updated_at
from household;

-- The alert inbox's port: what features count and join of alerts (temperature's fever counts and missing
-- reports). Alerts are raised and moved only through the alert module (alert.Alerts, the inbox's workflow).
create view alert_raised as
select id, kind, state, subject_type, subject_id, area_id, community_id, dedupe_key, raised_at, due_at, overdue_since,
       closed_at, updated_at
from alert;

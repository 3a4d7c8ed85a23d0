-- A queued person may carry the one new sample that queued them (ADR 0019, "a new sample"): the refresh then takes
-- their stored state with that sample as their latest, instead of counting them again from the census and all their
-- samples. Null means "count them again whole": an exemption, or a second write queueing them before a refresh.
alter table test_dirty_person add column sample_id uuid;

-- when their latest sample was taken: a new sample taken later is their latest without reading their samples
alter table test_coverage_person add column latest_at timestamptz;
update test_coverage_person p set latest_at = s.sampled_at
from test_sample s where s.tube_id = p.latest_tube and s.resident_id = p.resident_id;

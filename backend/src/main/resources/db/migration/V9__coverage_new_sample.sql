-- A queued person may carry the one new sample that queued them (ADR 0019, "a new sample"): the refresh then takes
-- their stored state with that sample as their latest, instead of counting them again from the census and all their
-- samples. Null means "count them again whole": an exemption, or a second write queueing them before a refresh.
alter table test_dirty_person add column sample_id uuid;

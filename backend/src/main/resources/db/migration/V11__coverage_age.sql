-- How old the coverage figures are (issue 27, ADR 0023). Every queued change carries when it was queued; a coverage
-- answer is as of the oldest change of its round still queued, or of the read itself when none is: everything
-- committed before that time is in the figures. The per-round "as of" kept by the refresher goes: it said nothing of
-- cells missing from the rollup or of changes still queued.
alter table test_dirty_person add column queued_at timestamptz not null default now();
alter table test_dirty_tube add column queued_at timestamptz not null default now();
alter table test_dirty_cell add column queued_at timestamptz not null default now();
-- the oldest change of a round (one index descent), and the order in which the refresher claims: oldest first
create index test_dirty_person_age_idx on test_dirty_person (round_id, queued_at);
create index test_dirty_tube_age_idx on test_dirty_tube (round_id, queued_at);
create index test_dirty_cell_age_idx on test_dirty_cell (round_id, queued_at);
drop table test_coverage_round;

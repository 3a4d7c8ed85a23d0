-- Incremental coverage rollup (ADR 0019): each counted person's state as last counted, and queues of what changed.
-- The refresh recounts only the people a write touched (a sample or exemption: the person; a lab result: the tube's
-- members; a new round or the periodic census check: whole cells), compares with their stored state and adds the
-- difference to the building and cell rows, which therefore always equal the sums of the person rows.

-- one row per living resident of a round's scope (as last counted)
create table test_coverage_person (
    round_id     uuid not null,
    resident_id  uuid not null,
    grid_cell_id uuid not null,
    compound_id  uuid,
    building_id  uuid,
    exempt       boolean not null,
    sampled      boolean not null,
    makeup       boolean not null,
    result       text,
    -- the tube of their latest sample, whose result is theirs: a lab result reaches them through it
    latest_tube  uuid,
    primary key (round_id, resident_id)
);
-- room on each page, so that a changed result is rewritten in place (HOT) rather than indexed again
alter table test_coverage_person set (fillfactor = 80);
create index test_coverage_person_cell_idx on test_coverage_person (round_id, grid_cell_id);
create index test_coverage_person_tube_idx on test_coverage_person (round_id, latest_tube);

-- people whose sample or exemption changed, and tubes whose result changed, since the last refresh; a refresh
-- claims rows by stamping claimed_at and deletes them when it commits (a write made meanwhile unstamps them)
create table test_dirty_person (
    round_id    uuid not null,
    resident_id uuid not null,
    claimed_at  timestamptz,
    primary key (round_id, resident_id)
);
create table test_dirty_tube (
    round_id   uuid not null,
    tube_id    uuid not null,
    claimed_at timestamptz,
    primary key (round_id, tube_id)
);
alter table test_dirty_cell add column claimed_at timestamptz;

-- what the rollup of a round includes: everything committed before as_of
create table test_coverage_round (
    round_id uuid primary key,
    as_of    timestamptz not null
);

-- building rows are now added to, not rewritten: one row per (cell, compound, building), nulls included
drop index test_coverage_building_cell_idx;
create unique index test_coverage_building_key on test_coverage_building
    (round_id, grid_cell_id, compound_id, building_id) nulls not distinct;
comment on column test_coverage_cell.refreshed_at is 'when the cell was last recounted whole (census check)';

-- the rollup is rebuilt from the people: every cell in it is recounted once from an empty state
insert into test_dirty_cell (round_id, grid_cell_id)
select round_id, grid_cell_id from test_coverage_cell on conflict do nothing;
delete from test_coverage_building;
delete from test_coverage_cell;

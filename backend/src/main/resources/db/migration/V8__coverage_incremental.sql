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
    primary key (round_id, resident_id)
);
create index test_coverage_person_cell_idx on test_coverage_person (round_id, grid_cell_id);

-- people whose sample or exemption changed, and tubes whose result changed, since the last refresh
create table test_dirty_person (
    round_id    uuid not null,
    resident_id uuid not null,
    primary key (round_id, resident_id)
);
create table test_dirty_tube (
    round_id uuid not null,
    tube_id  uuid not null,
    primary key (round_id, tube_id)
);

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

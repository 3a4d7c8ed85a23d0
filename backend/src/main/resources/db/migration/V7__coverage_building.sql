-- Coverage of a round per building (ADR 0018): the rollup refresh recomputes a dirty grid cell building by building
-- and writes these rows along with the cell's row (their sums); compound and building rows inside a cell are read
-- from here instead of being counted live. Households without a compound or building get a row with a null key.
create table test_coverage_building (
    round_id     uuid not null references test_round (id),
    grid_cell_id uuid not null,
    compound_id  uuid,
    building_id  uuid,
    residents    int not null,
    exempt       int not null,
    expected     int not null,
    sampled      int not null,
    makeup       int not null,
    pending      int not null,
    negative     int not null,
    positive     int not null,
    refreshed_at timestamptz not null
);
create index test_coverage_building_cell_idx on test_coverage_building (round_id, grid_cell_id);

-- every cell already in the rollup is recomputed once, which fills its buildings
insert into test_dirty_cell (round_id, grid_cell_id)
select round_id, grid_cell_id from test_coverage_cell on conflict do nothing;

-- Coverage at the end of each day (issue 20, ADR 0053): test_coverage_cell keeps a round's CURRENT figures per grid
-- cell only, so the daily report of a past day could not tell that day's coverage. Every refresh that changes a cell
-- row (or recounts a cell queued whole: a round created, started or closed) also upserts the cell's new absolute
-- figures here under the business day of the refresh. The row of (round, cell, day) is the cell's state at the end of
-- that day (or now, for today); a cell without a row on a day carries its latest earlier row.
create table test_coverage_cell_day (
    round_id     uuid not null references test_round (id),
    grid_cell_id uuid not null,
    day          date not null,
    -- living residents of the round's scope counted in the cell, those exempt, the others sampled at least once
    residents    int not null,
    exempt       int not null,
    sampled      int not null,
    updated_at   timestamptz not null,
    primary key (round_id, grid_cell_id, day)
);

-- the rounds already counted start with their figures of today: earlier days of them are unknown (no row: 0)
insert into test_coverage_cell_day (round_id, grid_cell_id, day, residents, exempt, sampled, updated_at)
select round_id, grid_cell_id, cast(now() at time zone 'Asia/Shanghai' as date), residents, exempt, sampled, now()
from test_coverage_cell;

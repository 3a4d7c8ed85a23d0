-- The daily report (日报, issue 20, ADR 0048): each submission of an area node's report for a day, frozen as submitted.
-- The figures are computed live from every feature's section; a submission keeps the document it sent upward
-- (sections with the day before, and the children's status) so that later readings never change it. A correction
-- is a new version with a reason; every version is kept. unique(area_id, day, version): two concurrent first
-- submissions cannot both be version 1.
create table report_submission (
    id uuid primary key,
    area_id uuid not null references area_node (id),
    community_id uuid references area_node (id),
    day date not null,
    version int not null check (version >= 1),
    figures jsonb not null,
    highlights text not null,
    problems text,
    requests text,
    reason text,
    submitted_by text not null,
    submitted_at timestamptz not null,
    late boolean not null,
    constraint report_submission_version unique (area_id, day, version)
);

-- the sweep and the roll-up read one day's submissions of many nodes
create index report_submission_day on report_submission (day, area_id);

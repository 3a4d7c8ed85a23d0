-- Duty shifts (值班值守): patterns, shifts, people on duty, shift assignees, swaps, rosters,
-- check-ins, inspections, hours corrections and work logs. Every table carries community_id.

create table duty_pattern (
    id              uuid primary key,
    community_id    uuid not null,
    checkpoint_id   uuid not null references checkpoint (id),
    kind            text not null check (kind in ('THREE_SHIFTS','DAY_ONLY','CUSTOM')),
    people_needed   int not null check (people_needed between 1 and 50),
    night_needed    int check (night_needed between 1 and 50),
    required_skills jsonb not null default '[]'::jsonb,
    custom_start    time,
    custom_end      time,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint duty_pattern_one_per_checkpoint unique (checkpoint_id)
);
create index duty_pattern_community_idx on duty_pattern (community_id);

create table duty_shift (
    id              uuid primary key,
    community_id    uuid not null,
    checkpoint_id   uuid not null references checkpoint (id),
    business_date   date not null,
    kind            text not null check (kind in ('NIGHT','DAY','EVENING','CUSTOM')),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    people_needed   int not null,
    required_skills jsonb not null default '[]'::jsonb,
    gap_alert_id    uuid,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    constraint duty_shift_unique unique (checkpoint_id, starts_at),
    constraint duty_shift_order check (ends_at > starts_at)
);
create index duty_shift_community_start_idx on duty_shift (community_id, starts_at);
create index duty_shift_start_idx on duty_shift (starts_at);

create table duty_person (
    id                uuid primary key,
    community_id      uuid not null,
    username          text unique,
    name              text not null,
    unit              text not null,
    skills            jsonb not null default '[]'::jsonb,
    party_member      boolean not null default false,
    home_area_id      uuid not null references area_node (id),
    days_off          jsonb not null default '[]'::jsonb,
    dates_off         jsonb not null default '[]'::jsonb,
    hours_off         jsonb not null default '[]'::jsonb,
    preferred_kinds   jsonb not null default '[]'::jsonb,
    active            boolean not null default true,
    version           bigint not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index duty_person_community_idx on duty_person (community_id, name);

create table duty_assignee (
    id           uuid primary key,
    community_id uuid not null,
    shift_id     uuid not null references duty_shift (id) on delete cascade,
    person_id    uuid not null references duty_person (id),
    source       text not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    constraint duty_assignee_unique unique (shift_id, person_id)
);
create index duty_assignee_person_idx on duty_assignee (person_id);

create table duty_swap (
    id               uuid primary key,
    community_id     uuid not null,
    shift_id         uuid not null references duty_shift (id) on delete cascade,
    person_id        uuid not null references duty_person (id),
    other_person_id  uuid not null references duty_person (id),
    other_shift_id   uuid references duty_shift (id) on delete cascade,
    state            text not null check (state in ('REQUESTED','ACCEPTED','APPROVED','REJECTED')),
    reason           text,
    requested_by     text not null,
    accepted_by      text,
    decided_by       text,
    version          bigint not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index duty_swap_community_idx on duty_swap (community_id, state);

create table duty_roster (
    id            uuid primary key,
    community_id  uuid not null,
    area_id       uuid not null references area_node (id),
    from_date     date not null,
    to_date       date not null,
    job_id        uuid not null,
    status        text not null check (status in ('SOLVING','PROPOSED','PUBLISHED','FAILED')),
    stop_requested boolean not null default false,
    proposal      jsonb not null default '[]'::jsonb,
    unfilled      jsonb not null default '[]'::jsonb,
    score         text,
    created_by    text not null,
    published_by  text,
    published_at  timestamptz,
    version       bigint not null default 0,
    created_at    timestamptz not null default now()
);
create index duty_roster_community_idx on duty_roster (community_id, created_at);

create table duty_check_in (
    id              uuid primary key,
    community_id    uuid not null,
    shift_id        uuid not null references duty_shift (id) on delete cascade,
    person_id       uuid not null references duty_person (id),
    check_in_at     timestamptz not null,
    check_out_at    timestamptz,
    latitude        double precision,
    longitude       double precision,
    recorded_by     text not null,
    version         bigint not null default 0,
    created_at      timestamptz not null default now(),
    constraint duty_check_in_unique unique (shift_id, person_id)
);
create index duty_check_in_person_idx on duty_check_in (person_id, check_in_at);

create table duty_hours_correction (
    id              bigserial primary key,
    community_id    uuid not null,
    check_in_id     uuid not null references duty_check_in (id) on delete cascade,
    old_check_in_at  timestamptz not null,
    old_check_out_at timestamptz,
    new_check_in_at  timestamptz not null,
    new_check_out_at timestamptz,
    reason          text not null,
    corrected_by    text not null,
    corrected_at    timestamptz not null
);
create index duty_hours_correction_idx on duty_hours_correction (check_in_id, id);

create table duty_inspection (
    id             uuid primary key,
    community_id   uuid not null,
    checkpoint_id  uuid not null references checkpoint (id),
    inspected_at   timestamptz not null,
    inspector      text not null,
    present        int not null check (present >= 0),
    staffed        boolean not null,
    note           text,
    created_at     timestamptz not null default now()
);
create index duty_inspection_idx on duty_inspection (community_id, inspected_at);

create table duty_work_log (
    id                  uuid primary key,
    community_id        uuid not null,
    person_id           uuid not null references duty_person (id),
    work_date           date not null,
    description         text not null,
    hours               numeric(5,2) not null check (hours > 0 and hours <= 24),
    households_phoned   int not null default 0 check (households_phoned >= 0),
    households_visited  int not null default 0 check (households_visited >= 0),
    status              text not null check (status in ('SUBMITTED','APPROVED','REJECTED')),
    created_by          text not null,
    decided_by          text,
    decided_at          timestamptz,
    version             bigint not null default 0,
    created_at          timestamptz not null default now()
);
create index duty_work_log_idx on duty_work_log (community_id, work_date);
create index duty_work_log_person_idx on duty_work_log (person_id, work_date);

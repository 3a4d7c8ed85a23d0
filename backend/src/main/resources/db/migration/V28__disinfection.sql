-- Disinfection rounds (issue 19 part 5, 消杀): a schedule per place (the public areas of a compound or building, or a
-- checkpoint) with its times of day and a tolerance window; a record per round done; the slots that passed without a
-- round, each alerted once. Reach is the place's area node (a checkpoint's: the node it guards).
create table disinfection_schedule (
    id                uuid primary key,
    community_id      uuid not null,
    place_kind        text not null check (place_kind in ('AREA','CHECKPOINT')),
    place_id          uuid not null,
    place_name        text not null,
    -- the compound / building itself, or the node the checkpoint guards: reach, alerts' area, metrics
    area_id           uuid not null references area_node (id),
    -- times of day in gridguard.zone, 'HH:MM' sorted and comma-separated, e.g. '08:00,16:00'
    times             text not null,
    tolerance_minutes integer not null check (tolerance_minutes between 5 and 240),
    note              text,
    active            boolean not null default true,
    deactivated_at    timestamptz,
    created_by        text not null,
    created_at        timestamptz not null,
    updated_by        text not null,
    updated_at        timestamptz not null,
    version           bigint not null default 0,
    constraint disinfection_schedule_deactivated check (active = (deactivated_at is null))
);
-- one active schedule per place: a second create is a 409, also when two arrive at once
create unique index disinfection_schedule_one_active on disinfection_schedule (place_kind, place_id) where active;
create index disinfection_schedule_community_idx on disinfection_schedule (community_id, place_name, id);

create table disinfection_round (
    id                 uuid primary key,
    community_id       uuid not null,
    place_kind         text not null check (place_kind in ('AREA','CHECKPOINT')),
    place_id           uuid not null,
    place_name         text not null,
    area_id            uuid not null references area_node (id),
    schedule_id        uuid references disinfection_schedule (id),
    done_at            timestamptz not null,
    area_m2            numeric(12, 2) not null check (area_m2 > 0),
    agent              text not null,
    concentration_mg_l numeric(10, 2) not null check (concentration_mg_l > 0),
    note               text,
    recorded_by        text not null,
    recorded_at        timestamptz not null
);
-- the rounds of a place in a slot's window, the lists newest first, the metrics over a period
create index disinfection_round_place_idx on disinfection_round (place_kind, place_id, done_at);
create index disinfection_round_community_idx on disinfection_round (community_id, done_at desc, id desc);

-- a slot whose window passed without a round: one row, one DISINFECTION_MISSED alert, never twice
create table disinfection_missed (
    schedule_id  uuid not null references disinfection_schedule (id),
    slot_at      timestamptz not null,
    community_id uuid not null,
    area_id      uuid not null references area_node (id),
    raised_at    timestamptz not null,
    primary key (schedule_id, slot_at)
);
create index disinfection_missed_slot_idx on disinfection_missed (slot_at);

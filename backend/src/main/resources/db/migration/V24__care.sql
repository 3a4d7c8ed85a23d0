-- One-to-one care of the vulnerable (issue 18 part 3, 一对一): a plan per vulnerable resident (ELDERLY_ALONE,
-- CHRONIC_ILLNESS, DISABLED, BED_RIDDEN, NEEDS_DELIVERY) with the person responsible, how often they are visited and
-- how often something is delivered; the visits recorded (phone or door, how the person is, needs raised into the
-- needs register). Reach is the resident's home, like the census (workers their cells, leaders their zone).
create table care_plan (
    id                  uuid primary key,
    community_id        uuid not null,
    grid_cell_id        uuid not null references area_node (id),
    -- the deepest node known of the home (the household's building or the cell)
    area_id             uuid not null references area_node (id),
    household_id        uuid not null,
    resident_id         uuid not null,
    -- a username assigned (grid-worker or grid-leader) to the resident's cell or one of its ancestors up to the zone
    responsible         text not null,
    visit_every_days    integer not null default 1 check (visit_every_days between 1 and 90),
    delivery_every_days integer not null default 7 check (delivery_every_days between 1 and 90),
    note                text,
    status              text not null check (status in ('ACTIVE','ENDED')),
    end_reason          text,
    started_at          timestamptz not null,
    ended_at            timestamptz,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_by          text not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0,
    constraint care_plan_ended check ((status = 'ENDED') = (end_reason is not null and ended_at is not null))
);
-- one active plan per resident: the second create is a 409, also when two arrive at once
create unique index care_plan_one_active on care_plan (resident_id) where status = 'ACTIVE';
create index care_plan_community_idx on care_plan (community_id, status, created_at desc, id);
create index care_plan_cell_idx on care_plan (grid_cell_id, status);

-- every change of a plan: created, changed (what), ended (why)
create table care_plan_event (
    id      bigserial primary key,
    plan_id uuid not null references care_plan (id),
    action  text not null,
    actor   text not null,
    at      timestamptz not null,
    detail  text
);
create index care_plan_event_plan_idx on care_plan_event (plan_id, id);

create table care_visit (
    id           uuid primary key,
    plan_id      uuid not null references care_plan (id),
    community_id uuid not null,
    area_id      uuid not null references area_node (id),
    visited_at   timestamptz not null,
    mode         text not null check (mode in ('PHONE','DOOR')),
    condition    text not null check (condition in ('WELL','UNWELL','NEEDS_HELP','NOT_REACHED')),
    note         text,
    -- the needs raised at the visit, in the needs register (source CARE_VISIT, source_ref = this visit)
    need_ids     uuid[] not null default '{}',
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
-- last visit per plan, the visits of a plan newest first, and the metrics' visits done in a period
create index care_visit_plan_idx on care_visit (plan_id, visited_at desc, id);
create index care_visit_community_idx on care_visit (community_id, visited_at);

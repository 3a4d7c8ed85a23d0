-- The needs register (issue 17 part 4; issue 18 "Care and supplies" adds the rest of its lifecycle): one table
-- for what a household, a resident or a person under a quarantine order needs (food, medicine …), with its urgency,
-- where it came from and its status with history. Reach is the home grid cell, like the census (workers their
-- cells, leaders their zone, supervisors their community).
create table need (
    id                  uuid primary key,
    community_id        uuid not null,
    grid_cell_id        uuid not null references area_node (id),
    -- the deepest node known of the home (the household's building, or the order's area for a non-resident)
    area_id             uuid not null references area_node (id),
    household_id        uuid references household (id),
    resident_id         uuid references resident (id),
    -- a person under a quarantine order (a non-resident has only this)
    quarantine_order_id uuid references quarantine_order (id),
    kind                text not null check (kind in ('FOOD','MEDICINE','MEDICAL_APPOINTMENT','SUBSIDY',
                                                      'PSYCHOLOGICAL_SUPPORT','OTHER')),
    detail              text,
    urgency             text not null check (urgency in ('ROUTINE','TODAY','URGENT_MEDICAL')),
    source              text not null check (source in ('WORKER_VISIT','PHONE_CALL','QUARANTINE_VISIT','CARE_VISIT')),
    -- the visit (quarantine or care) that raised it, when there was one
    source_ref          uuid,
    -- issue 18 adds ASSIGNED, OUT_FOR_DELIVERY, DELIVERED (and their columns) by replacing this check
    status              text not null check (status in ('OPEN','CANCELLED')),
    cancel_reason       text,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_by          text not null,
    updated_at          timestamptz not null,
    version             bigint not null default 0,
    constraint need_subject check (household_id is not null or resident_id is not null or quarantine_order_id is not null),
    constraint need_cancelled check ((status = 'CANCELLED') = (cancel_reason is not null))
);
create index need_community_idx on need (community_id, status, created_at desc, id);
create index need_cell_idx on need (grid_cell_id, status);
create index need_household_idx on need (household_id) where household_id is not null;
create index need_order_idx on need (quarantine_order_id) where quarantine_order_id is not null;

-- every change of a need: who, when, why
create table need_event (
    id          bigserial primary key,
    need_id     uuid not null references need (id),
    action      text not null,
    from_status text,
    to_status   text not null,
    actor       text not null,
    at          timestamptz not null,
    reason      text
);
create index need_event_need_idx on need_event (need_id, id);

-- Issue 17 part 5: a person under an active home order seen trying to go out at a checkpoint. Every attempt is
-- recorded; the QUARANTINE_BREACH alert for the cell's leaders is raised once per order, checkpoint and hour.
create table quarantine_breach (
    id            uuid primary key,
    order_id      uuid not null references quarantine_order (id),
    checkpoint_id uuid not null references checkpoint (id),
    community_id  uuid not null,
    grid_cell_id  uuid not null references area_node (id),
    at            timestamptz not null,
    recorded_by   text not null,
    note          text,
    alert_id      uuid
);
create index quarantine_breach_order_idx on quarantine_breach (order_id, at);
create index quarantine_breach_community_idx on quarantine_breach (community_id, at);

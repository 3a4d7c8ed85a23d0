-- Temperature checks (测温): gate registrations and watch reports, the watch list (两测温、两报告).
-- Every table carries community_id. area_id is the node the jurisdiction filter uses: the resident's
-- area (building) for a resident, the node the checkpoint guards for a visitor.

create table temperature_check (
    id                  uuid primary key,                 -- client-generated: the idempotency key
    community_id        uuid not null,
    area_id             uuid not null,
    grid_cell_id        uuid,
    checkpoint_id       uuid references checkpoint (id),
    source              text not null check (source in ('GATE','DOOR','PHONE','PHOTO')),
    direction           text check (direction in ('IN','OUT')),
    measured_at         timestamptz not null,
    received_at         timestamptz not null,
    late                boolean not null,
    -- the local business day and report window of measured_at (deployment zone)
    business_date       date not null,
    report_window       text check (report_window in ('MORNING','AFTERNOON')),
    temperature         numeric(3,1) not null check (temperature between 34.0 and 43.0),
    fever               boolean not null,
    health_code         text check (health_code in ('GREEN','YELLOW','RED')),
    vehicle_plate       text,
    resident_id         uuid references resident (id),
    visitor_name        text,
    visitor_doc_type    text check (visitor_doc_type in ('MAINLAND_ID','PASSPORT','HK_MACAU_PERMIT','TAIWAN_PERMIT')),
    visitor_doc_cipher  text,
    visitor_doc_hmac    bytea,
    visitor_doc_mask    text,
    visitor_phone_cipher text,
    visitor_phone_hmac  bytea,
    visitor_phone_mask  text,
    visitor_from        text,
    visitor_reason      text,
    recorded_by         text not null,
    -- hash of the request as sent: the same id with another body is a conflict, not a duplicate
    request_hash        text not null,
    alert_id            uuid,
    version             bigint not null default 0,
    constraint temperature_check_person check ((resident_id is null) <> (visitor_name is null)),
    constraint temperature_check_gate check (source <> 'GATE' or (checkpoint_id is not null and direction is not null))
);
create index temperature_check_day_idx on temperature_check (community_id, business_date);
create index temperature_check_resident_idx on temperature_check (resident_id, business_date) where resident_id is not null;
create index temperature_check_checkpoint_idx on temperature_check (checkpoint_id, measured_at) where checkpoint_id is not null;

-- people under watch, each with a reason and a period; they report morning and afternoon
create table watch (
    id            uuid primary key,
    community_id  uuid not null,
    resident_id   uuid not null references resident (id),
    grid_cell_id  uuid not null,
    area_id       uuid not null,
    reason        text not null check (reason in ('RETURNEE','HOME_ISOLATION','BACK_TO_WORK','CLOSE_CONTACT')),
    starts_on     date not null,
    ends_on       date not null,
    note          text,
    created_by    text not null,
    created_at    timestamptz not null default now(),
    updated_by    text not null,
    updated_at    timestamptz not null default now(),
    version       bigint not null default 0,
    constraint watch_period check (ends_on >= starts_on)
);
create index watch_active_idx on watch (community_id, starts_on, ends_on);
create index watch_resident_idx on watch (resident_id);

-- alerts changed since a time (agency delta reads of /api/v1/alerts?updatedSince=)
create index alert_updated_idx on alert (community_id, updated_at, id);

-- Quarantine orders (issue 17): a person under home isolation, home health monitoring or central isolation, from
-- the order's start to its release, with the order (case or contact) it came from and every change of status.
-- The person is a resident of the census, or a non-resident whose name, document and phone are protected like a
-- visitor's (cipher + HMAC + mask). Reach is the person's home grid cell (workers, leaders, supervisors); site
-- staff reach the guests of their central isolation site (a checkpoint of kind QUARANTINE_SITE).

create sequence quarantine_order_number_seq;

create table quarantine_order (
    id              uuid primary key,
    -- printed on the release notice with the check code; 'Q' + yyyymmdd of creation + '-' + sequence
    number          text not null,
    check_code      text not null,
    community_id    uuid not null,
    grid_cell_id    uuid not null references area_node (id),
    -- the deepest node known of the person's home (the resident's building, or a non-resident's address)
    area_id         uuid not null references area_node (id),
    resident_id     uuid references resident (id),
    -- a non-resident (resident_id is null): protected like a visitor's
    person_name     text,
    doc_type        text check (doc_type in ('MAINLAND_ID','PASSPORT','HK_MACAU_PERMIT','TAIWAN_PERMIT')),
    doc_cipher      text,
    doc_hmac        bytea,
    doc_mask        text,
    phone_cipher    text,
    phone_hmac      bytea,
    phone_mask      text,
    address         text,
    -- one active order per person: 'D:' || hex(HMAC of the ID number) when known, else 'R:' || resident id
    person_key      text not null,
    kind            text not null check (kind in ('HOME_ISOLATION','HOME_MONITORING','CENTRAL_ISOLATION')),
    reason          text not null check (reason in ('CLOSE_CONTACT','SECONDARY_CONTACT','RETURNEE','POSITIVE_POOL','OTHER')),
    reason_place    text,
    source_order_id uuid references quarantine_order (id),
    source_case_ref text,
    status          text not null check (status in ('ACTIVE','RELEASED','HOSPITAL')),
    starts_on       date not null,
    -- planned end, inclusive; extensions move it
    ends_on         date not null,
    released_at     timestamptz,
    release_reason  text,
    -- the central isolation site (a checkpoint of kind QUARANTINE_SITE) while kind = CENTRAL_ISOLATION
    site_id         uuid references checkpoint (id),
    note            text,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    updated_by      text not null,
    updated_at      timestamptz not null default now(),
    version         bigint not null default 0,
    constraint quarantine_order_number_unique unique (number),
    constraint quarantine_order_period check (ends_on >= starts_on),
    constraint quarantine_order_person check (resident_id is not null or (person_name is not null and doc_hmac is not null)),
    constraint quarantine_order_released check ((status = 'ACTIVE') = (released_at is null)),
    constraint quarantine_order_site check (kind <> 'CENTRAL_ISOLATION' or status <> 'ACTIVE' or site_id is not null)
);
create unique index quarantine_order_one_active on quarantine_order (person_key) where status = 'ACTIVE';
create index quarantine_order_cell_idx on quarantine_order (grid_cell_id, status);
create index quarantine_order_community_idx on quarantine_order (community_id, status, starts_on);
create index quarantine_order_resident_idx on quarantine_order (resident_id);
create index quarantine_order_source_idx on quarantine_order (source_order_id);
create index quarantine_order_site_idx on quarantine_order (site_id) where site_id is not null;
create index quarantine_order_doc_idx on quarantine_order (doc_hmac) where doc_hmac is not null;
create index quarantine_order_updated_idx on quarantine_order (community_id, updated_at, id);

-- every change of an order: who, when, why
create table quarantine_order_event (
    id          bigserial primary key,
    order_id    uuid not null references quarantine_order (id),
    action      text not null check (action in ('CREATED','UPDATED','EXTENDED','RELEASED','TRANSFERRED','HOSPITAL','MIGRATED')),
    from_status text,
    to_status   text not null,
    actor       text not null,
    at          timestamptz not null,
    reason      text,
    data        jsonb not null default '{}'::jsonb
);
create index quarantine_order_event_order_idx on quarantine_order_event (order_id, id);

-- The quarantine's SQL port (ADR 0024): who is under an active order now. Temperature reads it to answer a
-- checkpoint lookup with the order and to spare a person under an order the MISSING_REPORT of the same day (the
-- order's visits follow them: VISIT_MISSED).
create view quarantine_active as
select id, number, resident_id, person_key, kind, starts_on, ends_on, site_id, community_id, grid_cell_id, area_id
from quarantine_order
where status = 'ACTIVE';

-- Watches for isolation and close contacts become orders; their readings stay where they are (temperature_check
-- rows of the resident). One active order per person: of a person's overlapping watches the latest becomes the
-- active order, the older ones released orders.
create temporary table watch_to_order on commit drop as
select w.id as watch_id, w.community_id, w.grid_cell_id, w.area_id, w.resident_id,
       case when r.id_hmac is not null then 'D:' || encode(r.id_hmac, 'hex') else 'R:' || w.resident_id::text end as person_key,
       case w.reason when 'CLOSE_CONTACT' then 'CLOSE_CONTACT' else 'OTHER' end as reason,
       w.starts_on, w.ends_on, w.note, w.created_by, w.created_at, w.updated_by, w.updated_at,
       row_number() over (partition by coalesce(encode(r.id_hmac, 'hex'), w.resident_id::text)
                          order by w.ends_on desc, w.starts_on desc, w.id) as latest
from watch w
join resident r on r.id = w.resident_id
where w.reason in ('HOME_ISOLATION','CLOSE_CONTACT');

insert into quarantine_order (id, number, check_code, community_id, grid_cell_id, area_id, resident_id, person_key,
                              kind, reason, status, starts_on, ends_on, released_at, release_reason, note,
                              created_by, created_at, updated_by, updated_at)
select watch_id,
       'Q' || to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || nextval('quarantine_order_number_seq'),
       upper(substr(md5(random()::text || watch_id::text), 1, 8)),
       community_id, grid_cell_id, area_id, resident_id, person_key,
       'HOME_ISOLATION', reason,
       case when latest = 1 and ends_on >= (now() at time zone 'Asia/Shanghai')::date then 'ACTIVE' else 'RELEASED' end,
       starts_on, ends_on,
       case when latest = 1 and ends_on >= (now() at time zone 'Asia/Shanghai')::date then null
            else ((ends_on + 1)::timestamp at time zone 'Asia/Shanghai') end,
       case when latest = 1 and ends_on >= (now() at time zone 'Asia/Shanghai')::date then null
            else 'migrated from a watch that had ended' end,
       note, created_by, created_at, updated_by, updated_at
from watch_to_order;

insert into quarantine_order_event (order_id, action, from_status, to_status, actor, at, reason)
select o.id, 'MIGRATED', null, o.status, 'migration', now(), 'was a watch with reason ' ||
       (select w.reason from watch w where w.id = o.id)
from quarantine_order o;

delete from watch where reason in ('HOME_ISOLATION','CLOSE_CONTACT');
alter table watch drop constraint watch_reason_check;
alter table watch add constraint watch_reason_check check (reason in ('RETURNEE','BACK_TO_WORK'));

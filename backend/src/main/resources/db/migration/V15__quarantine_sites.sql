-- Central isolation sites (issue 17, part 2): a site is a checkpoint of kind QUARANTINE_SITE; it has rooms with
-- beds, and guests (people under a CENTRAL_ISOLATION order whose site is this one) stay in a room from their
-- arrival to their departure. Site staff (realm role site-staff) are assigned to a site, not to an area (ADR 0032).

create table quarantine_site_room (
    id           uuid primary key,
    community_id uuid not null,
    site_id      uuid not null references checkpoint (id),
    number       text not null,
    beds         int not null check (beds between 1 and 20),
    created_by   text not null,
    created_at   timestamptz not null default now(),
    updated_by   text not null,
    updated_at   timestamptz not null default now(),
    version      bigint not null default 0,
    constraint quarantine_site_room_number_unique unique (site_id, number)
);

create table quarantine_stay (
    id               uuid primary key,
    community_id     uuid not null,
    site_id          uuid not null references checkpoint (id),
    room_id          uuid not null references quarantine_site_room (id),
    order_id         uuid not null references quarantine_order (id),
    arrived_at       timestamptz not null,
    arrived_by       text not null,
    departed_at      timestamptz,
    departure_reason text check (departure_reason in ('RELEASED','TRANSFERRED','HOSPITAL')),
    departed_by      text,
    version          bigint not null default 0,
    constraint quarantine_stay_departure check ((departed_at is null) = (departure_reason is null)
                                                and (departed_at is null) = (departed_by is null)),
    constraint quarantine_stay_period check (departed_at is null or departed_at >= arrived_at)
);
-- a person is in one room at a time
create unique index quarantine_stay_one_current on quarantine_stay (order_id) where departed_at is null;
create index quarantine_stay_room_current on quarantine_stay (room_id) where departed_at is null;
create index quarantine_stay_site_idx on quarantine_stay (site_id, arrived_at);

-- Site staff are assigned to a site: the checkpoint in site_id, and node_id is the node the site guards (so that
-- assignment lists, "this area is in use" and the area's supervisors still find the row). A site-staff row never
-- gives reach into its node (security/Jurisdiction reads only rows without a site).
alter table assignment add column site_id uuid references checkpoint (id);
alter table assignment drop constraint assignment_role_check;
alter table assignment add constraint assignment_role_check
    check (role in ('supervisor','grid-leader','grid-worker','lab','agency','site-staff'));
alter table assignment add constraint assignment_site_staff check ((role = 'site-staff') = (site_id is not null));
alter table assignment drop constraint assignment_unique;
alter table assignment add constraint assignment_unique unique nulls not distinct (principal, role, node_id, site_id);
create index assignment_site_idx on assignment (site_id) where site_id is not null;

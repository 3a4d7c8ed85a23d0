-- Doorstep delivery runs (issue 18 part 2, ADR 0040): a leader groups open needs into a run by compound and
-- building, names the carriers and the storage place the items come from; the run is started (needs out for
-- delivery) and each stop gets one drop (delivered, nobody home, refused); the items delivered come out of stock.
-- The needs stay in the needs register (need.run_id points back here); no foreign key across features.
create table delivery_run (
    id           uuid primary key,
    community_id uuid not null,
    -- the deepest area node holding every stop (a building, compound, cell or zone): the run's reach
    area_id      uuid not null references area_node (id),
    name         text not null,
    run_date     date not null,
    -- the supply storage place the items are issued from (supply_place, checked by the supply feature)
    place_id     uuid not null,
    status       text not null check (status in ('PLANNED','STARTED','CLOSED')),
    created_by   text not null,
    created_at   timestamptz not null,
    started_at   timestamptz,
    closed_at    timestamptz,
    updated_by   text not null,
    updated_at   timestamptz not null,
    version      bigint not null default 0
);
create index delivery_run_community_idx on delivery_run (community_id, created_at desc, id);
create index delivery_run_date_idx on delivery_run (run_date);

-- who carries a run: usernames of grid workers or leaders assigned within the run's area
create table delivery_carrier (
    run_id   uuid not null references delivery_run (id),
    username text not null,
    primary key (run_id, username)
);
create index delivery_carrier_user_idx on delivery_carrier (username);

-- one stop per need: what was asked, as planned (the sheet is a document of the run)
create table delivery_stop (
    run_id            uuid not null references delivery_run (id),
    need_id           uuid not null,
    household_id      uuid,
    kind              text not null,
    detail            text,
    medicine_name     text,
    medicine_quantity text,
    urgency           text not null,
    primary key (run_id, need_id)
);
create index delivery_stop_need_idx on delivery_stop (need_id);

-- what happened at the door: one drop per stop
create table delivery_drop (
    id          uuid primary key,
    run_id      uuid not null,
    need_id     uuid not null,
    outcome     text not null check (outcome in ('DELIVERED','NOBODY_HOME','REFUSED')),
    received_by text,
    note        text,
    -- the supply movement that issued the items (DELIVERED with items)
    movement_id uuid,
    recorded_by text not null,
    recorded_at timestamptz not null,
    constraint delivery_drop_stop foreign key (run_id, need_id) references delivery_stop (run_id, need_id),
    constraint delivery_drop_once unique (run_id, need_id),
    constraint delivery_drop_received check ((outcome = 'DELIVERED') = (received_by is not null))
);

create table delivery_drop_item (
    drop_id  uuid not null references delivery_drop (id),
    item_id  uuid not null,
    quantity numeric(14, 3) not null check (quantity > 0),
    primary key (drop_id, item_id)
);

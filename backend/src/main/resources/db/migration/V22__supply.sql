-- Care and supplies (issue 18 part 4): stock counted to the item. A catalogue of items, the storage places of a
-- community (its office, a checkpoint, an isolation site), an append-only ledger of movements with their lines,
-- and the balance per place and item that every movement updates in the same transaction (ADR 0039).

create table supply_item (
    id          uuid primary key,
    name        text not null,
    -- what one counts in: 只, 盒, 瓶 … (COUNT: whole numbers), or kg / L (3 decimals)
    unit        text not null,
    unit_kind   text not null check (unit_kind in ('COUNT','KG','LITRE')),
    category    text not null check (category in ('PROTECTIVE_EQUIPMENT','DISINFECTANT','MEDICAL','FOOD','OTHER')),
    active      boolean not null default true,
    created_by  text not null,
    created_at  timestamptz not null,
    version     bigint not null default 0,
    constraint supply_item_name_unique unique (name)
);

create table supply_place (
    id            uuid primary key,
    kind          text not null check (kind in ('COMMUNITY_OFFICE','CHECKPOINT','ISOLATION_SITE')),
    name          text not null,
    -- the area node the place stands on (reach is by its path); at or below a community
    area_id       uuid not null references area_node (id),
    community_id  uuid not null,
    -- the checkpoint a CHECKPOINT place is kept at (an isolation site may name its QUARANTINE_SITE checkpoint)
    checkpoint_id uuid references checkpoint (id),
    created_by    text not null,
    created_at    timestamptz not null,
    version       bigint not null default 0,
    constraint supply_place_checkpoint check (kind <> 'CHECKPOINT' or checkpoint_id is not null)
);
create index supply_place_area_idx on supply_place (area_id);
create index supply_place_community_idx on supply_place (community_id);

-- the quantity under which a place's stock of an item is shown as low
create table supply_threshold (
    place_id    uuid not null references supply_place (id),
    item_id     uuid not null references supply_item (id),
    low         numeric(14,3) not null check (low >= 0),
    updated_by  text not null,
    updated_at  timestamptz not null,
    primary key (place_id, item_id)
);

-- receipt numbers of donations: JZ-<year>-<n>
create sequence supply_receipt_seq;

-- one movement: who, when, what kind, where from and to; its quantities are its lines
create table supply_movement (
    id               uuid primary key,
    kind             text not null check (kind in ('DONATION_IN','PURCHASE_IN','ISSUE_OUT','TRANSFER','WRITE_OFF','STOCKTAKE')),
    -- the place the stock comes out of, goes into, or was counted at (TRANSFER: the source)
    place_id         uuid not null references supply_place (id),
    to_place_id      uuid references supply_place (id),
    community_id     uuid not null,
    -- ISSUE_OUT: to whom
    issued_to        text check (issued_to in ('CHECKPOINT','PERSON','DELIVERY_RUN','HOUSEHOLD')),
    to_checkpoint_id uuid references checkpoint (id),
    to_person        text,
    run_id           uuid,
    need_id          uuid,
    household_id     uuid,
    -- DONATION_IN
    donor            text,
    receipt_number   text unique,
    -- PURCHASE_IN: the supplier and invoice; WRITE_OFF: the reason; any: a note
    supplier         text,
    reference        text,
    reason           text,
    note             text,
    -- a correction names the movement it corrects
    corrects_id      uuid references supply_movement (id),
    actor            text not null,
    at               timestamptz not null,
    constraint supply_movement_transfer check ((kind = 'TRANSFER') = (to_place_id is not null)),
    constraint supply_movement_transfer_elsewhere check (to_place_id is null or to_place_id <> place_id),
    constraint supply_movement_issue check ((kind = 'ISSUE_OUT') = (issued_to is not null)),
    constraint supply_movement_donation check ((kind = 'DONATION_IN') = (donor is not null and receipt_number is not null)),
    constraint supply_movement_write_off check (kind <> 'WRITE_OFF' or reason is not null)
);
create index supply_movement_place_idx on supply_movement (place_id, at desc, id);
create index supply_movement_to_place_idx on supply_movement (to_place_id) where to_place_id is not null;
create index supply_movement_community_idx on supply_movement (community_id, at desc, id);
create index supply_movement_run_idx on supply_movement (run_id) where run_id is not null;

-- the signed change of one item at one place (a transfer has two lines per item); a stocktake line also keeps the count
create table supply_movement_line (
    movement_id uuid not null references supply_movement (id),
    line_no     int not null,
    place_id    uuid not null references supply_place (id),
    item_id     uuid not null references supply_item (id),
    delta       numeric(14,3) not null,
    counted     numeric(14,3) check (counted >= 0),
    primary key (movement_id, line_no)
);
create index supply_movement_line_place_item_idx on supply_movement_line (place_id, item_id);
create index supply_movement_line_item_idx on supply_movement_line (item_id);

-- what is on hand now: the sum of the lines, kept by each movement in its transaction; never below zero
create table supply_balance (
    place_id    uuid not null references supply_place (id),
    item_id     uuid not null references supply_item (id),
    on_hand     numeric(14,3) not null check (on_hand >= 0),
    updated_at  timestamptz not null,
    primary key (place_id, item_id)
);

-- the ledger is append-only: a correction is a new movement
create function supply_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the supplies ledger is append-only: % on % refused (record a correcting movement)', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;
create trigger supply_movement_append_only before update or delete on supply_movement
    for each row execute function supply_append_only();
create trigger supply_movement_line_append_only before update or delete on supply_movement_line
    for each row execute function supply_append_only();

-- The health bureau's lists (issue 17, part 3): an agency client sends a list of people to put under an order; each
-- person becomes an item with its outcome (MATCHED to a census resident and an order, UNMATCHED and on the worklist of
-- the community its address points to, DUPLICATE, REJECTED with its reason). ADR 0036.

create table quarantine_list (
    id            uuid primary key,
    -- the agency client that sent it, and the area node it is assigned to (the list's reach)
    owner         text not null,
    community_id  uuid not null,
    area_id       uuid not null references area_node (id),
    -- the bureau's own number of the list, if it gave one
    reference     text,
    -- sha-256 of the list as sent: the same list twice is the same list, with or without an Idempotency-Key
    content_hash  text not null,
    format        text not null check (format in ('JSON','CSV','XLSX')),
    -- the list as sent, read by the job; cleared when the job has finished
    payload       bytea,
    item_count    int not null,
    job_id        uuid,
    status        text not null default 'QUEUED' check (status in ('QUEUED','RUNNING','DONE','FAILED')),
    error         text,
    finished_at   timestamptz,
    created_at    timestamptz not null default now(),
    constraint quarantine_list_same_content unique (owner, content_hash)
);
create unique index quarantine_list_same_reference on quarantine_list (owner, reference) where reference is not null;

create table quarantine_list_item (
    id              uuid primary key,
    list_id         uuid not null references quarantine_list (id),
    -- the item's position: its line in the file, or its index (from 1) in a JSON list
    line            int not null,
    community_id    uuid not null,
    -- where the address points (building, else compound, else the list's area): the worklist's reach
    area_id         uuid not null references area_node (id),
    grid_cell_id    uuid references area_node (id),
    outcome         text not null check (outcome in ('MATCHED','UNMATCHED','DUPLICATE','REJECTED')),
    -- REJECTED: the field at fault and why; DUPLICATE: what it duplicates
    field           text,
    problem         text,
    order_id        uuid references quarantine_order (id),
    resident_id     uuid,
    -- the person as the list named them, protected like a visitor's
    person_name     text,
    doc_type        text,
    doc_cipher      text,
    doc_hmac        bytea,
    doc_mask        text,
    phone_cipher    text,
    phone_hmac      bytea,
    phone_mask      text,
    compound        text,
    building        text,
    door            text,
    kind            text,
    reason          text,
    reason_place    text,
    source_case_ref text,
    starts_on       date,
    ends_on         date,
    -- UNMATCHED items are the worklist (以房找人) until a worker resolves them
    worklist_status text check (worklist_status in ('OPEN','FOUND','NOT_FOUND','MOVED_AWAY')),
    resolved_by     text,
    resolved_at     timestamptz,
    resolution_note text,
    created_at      timestamptz not null default now(),
    version         bigint not null default 0,
    constraint quarantine_list_item_line unique (list_id, line),
    constraint quarantine_list_item_worklist check ((outcome = 'UNMATCHED') = (worklist_status is not null))
);
create index quarantine_list_item_worklist_idx on quarantine_list_item (community_id, worklist_status, created_at, id)
    where worklist_status is not null;
create index quarantine_list_item_order_idx on quarantine_list_item (order_id) where order_id is not null;

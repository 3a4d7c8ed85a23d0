-- Foundation: area hierarchy, checkpoints, jurisdiction, and the shared infrastructure
-- (change log for delta feeds, idempotency keys, jobs, once-only schedule claims, alerts).

create table area_node (
    id             uuid primary key,
    kind           text not null check (kind in ('DISTRICT','STREET','COMMUNITY','ZONE','GRID_CELL','COMPOUND','BUILDING')),
    code           text not null,
    name           text not null,
    parent_id      uuid references area_node (id),
    -- materialised path of ids, '/<root>/.../<self>/': ancestors and self; the jurisdiction filter
    path           text not null,
    -- the community this node belongs to (null above community level)
    community_id   uuid,
    compound_type  text check (compound_type in ('MANAGED','UNMANAGED','UNIT_COURTYARD')),
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint area_node_code_unique unique (code),
    constraint compound_type_only_for_compounds check ((kind = 'COMPOUND') = (compound_type is not null))
);
create index area_node_path_idx on area_node (path text_pattern_ops);
create index area_node_parent_idx on area_node (parent_id);
create index area_node_kind_community_idx on area_node (kind, community_id);

create table checkpoint (
    id             uuid primary key,
    code           text not null,
    name           text not null,
    kind           text not null check (kind in ('GATE','ROAD_JUNCTION','BRIDGE','QUARANTINE_SITE')),
    watched_24h    boolean not null default false,
    guards_node_id uuid not null references area_node (id),
    community_id   uuid not null,
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint checkpoint_code_unique unique (code)
);
create index checkpoint_guards_idx on checkpoint (guards_node_id);
create index checkpoint_community_idx on checkpoint (community_id);

-- who changed what in the area hierarchy (renames, moves, edits)
create table area_change (
    id           bigserial primary key,
    subject_type text not null check (subject_type in ('AREA_NODE','CHECKPOINT')),
    subject_id   uuid not null,
    actor        text not null,
    at           timestamptz not null default now(),
    action       text not null,
    changes      jsonb not null
);
create index area_change_subject_idx on area_change (subject_id, at);

-- jurisdiction: a user (preferred_username) or partner client (client id) assigned to area nodes
create table assignment (
    id             uuid primary key,
    principal      text not null,
    principal_type text not null check (principal_type in ('USER','CLIENT')),
    role           text not null check (role in ('supervisor','grid-leader','grid-worker','lab','agency')),
    node_id        uuid not null references area_node (id),
    created_by     text not null,
    created_at     timestamptz not null default now(),
    constraint assignment_unique unique (principal, role, node_id)
);
create index assignment_node_idx on assignment (node_id);

-- delta feeds: every change appends here in the writing transaction; readers page by (tx_id, seq)
-- and only read rows whose transaction is older than every running one, so a late commit is never skipped.
create table change_log (
    seq          bigserial primary key,
    tx_id        xid8 not null default pg_current_xact_id(),
    entity       text not null,
    entity_id    uuid not null,
    community_id uuid,
    path         text,
    op           text not null check (op in ('UPSERT','DELETE')),
    at           timestamptz not null default now()
);
create index change_log_cursor_idx on change_log (entity, tx_id, seq);

-- creates safe to retry: recorded in the same transaction as the create
create table idempotency_key (
    principal     text not null,
    key           text not null,
    request_hash  text not null,
    resource_type text not null,
    resource_id   uuid,
    status        int,
    response      jsonb,
    created_at    timestamptz not null default now(),
    primary key (principal, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);

-- long work: imports, exports, rostering
create table job (
    id           uuid primary key,
    kind         text not null,
    status       text not null check (status in ('QUEUED','RUNNING','SUCCEEDED','FAILED')),
    owner        text not null,
    community_id uuid,
    params       jsonb not null default '{}'::jsonb,
    progress     int not null default 0 check (progress between 0 and 100),
    report       jsonb not null default '{}'::jsonb,
    error        text,
    attempts     int not null default 0,
    instance_id  text,
    heartbeat_at timestamptz,
    created_at   timestamptz not null default now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
create index job_queue_idx on job (status, created_at) where status in ('QUEUED','RUNNING');

-- once-only scheduled work: a row per (job, window), claimed in the same transaction as the work
create table scheduled_claim (
    job          text not null,
    window_start timestamptz not null,
    instance_id  text not null,
    claimed_at   timestamptz not null default now(),
    outcome      jsonb,
    primary key (job, window_start)
);

-- one alert model for the whole product
create table alert (
    id            uuid primary key,
    kind          text not null,
    state         text not null,
    subject_type  text not null,
    subject_id    uuid,
    subject_label text not null,
    area_id       uuid not null references area_node (id),
    community_id  uuid not null,
    dedupe_key    text,
    details       jsonb not null default '{}'::jsonb,
    raised_at     timestamptz not null,
    due_at        timestamptz not null,
    overdue_since timestamptz,
    taken_by      text,
    closed_at     timestamptz,
    version       bigint not null default 0,
    updated_at    timestamptz not null default now(),
    constraint alert_dedupe_unique unique (kind, dedupe_key)
);
create index alert_inbox_idx on alert (community_id, state, raised_at);
create index alert_area_idx on alert (area_id);

create table alert_event (
    id         bigserial primary key,
    alert_id   uuid not null references alert (id),
    from_state text,
    to_state   text not null,
    actor      text not null,
    at         timestamptz not null,
    note       text,
    data       jsonb not null default '{}'::jsonb
);
create index alert_event_alert_idx on alert_event (alert_id, id);

-- the demo community is loaded once per seed
create table demo_load (
    seed       bigint primary key,
    loaded_at  timestamptz not null default now(),
    summary    jsonb not null
);

-- Census: households, residents, verification rounds, change history, the PII audit and import uploads.
-- Every table carries community_id (distribution key) and grid_cell_id; area_id is the most specific
-- area node (building, compound or grid cell) the record hangs off, used by the jurisdiction filter.

create table household (
    id              uuid primary key,
    community_id    uuid not null,
    grid_cell_id    uuid not null references area_node (id),
    compound_id     uuid references area_node (id),
    building_id     uuid references area_node (id),
    area_id         uuid not null references area_node (id),
    door_number     text not null,
    living_count    int not null default 0 check (living_count >= 0),
    tenant_count    int not null default 0 check (tenant_count >= 0),
    contact_name    text,
    notes           text,
    status          text not null default 'OCCUPIED' check (status in ('OCCUPIED','VACANT','UNREACHABLE')),
    last_verified_on date,
    version         bigint not null default 0,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    updated_by      text not null,
    updated_at      timestamptz not null default now(),
    constraint household_door_unique unique (area_id, door_number)
);
create index area_node_community_idx on area_node (community_id);
create index household_community_idx on household (community_id, id);
create index household_cell_idx on household (grid_cell_id);
create index household_updated_idx on household (community_id, updated_at);

create table resident (
    id                  uuid primary key,
    community_id        uuid not null,
    grid_cell_id        uuid not null references area_node (id),
    area_id             uuid not null references area_node (id),
    household_id        uuid not null references household (id),
    name                text not null,
    id_type             text not null check (id_type in ('MAINLAND_ID','PASSPORT','HK_MACAU_PERMIT','TAIWAN_PERMIT')),
    -- AES-GCM ciphertext 'v1:<keyId>:<base64(iv|ciphertext|tag)>', keyed HMAC for exact lookup, display mask
    id_cipher           text,
    id_hmac             bytea,
    id_mask             text,
    phone_cipher        text,
    phone_hmac          bytea,
    phone_mask          text,
    sex                 text check (sex in ('MALE','FEMALE')),
    birth_date          date,
    relation            text,
    categories          text[] not null default '{}',
    returnee_from       text,
    returned_on         date,
    health_code         text check (health_code in ('GREEN','YELLOW','RED')),
    health_code_source  text,
    health_code_seen_at timestamptz,
    status              text not null default 'LIVING' check (status in ('LIVING','MOVED_OUT','DECEASED')),
    version             bigint not null default 0,
    created_by          text not null,
    created_at          timestamptz not null default now(),
    updated_by          text not null,
    updated_at          timestamptz not null default now()
);
-- the same identity document twice in one community is a conflict
create unique index resident_identity_unique on resident (community_id, id_hmac) where id_hmac is not null;
create index resident_community_idx on resident (community_id, id);
create index resident_household_idx on resident (household_id);
create index resident_cell_idx on resident (grid_cell_id);
create index resident_phone_idx on resident (community_id, phone_hmac);
create index resident_updated_idx on resident (community_id, updated_at);
create index resident_categories_idx on resident using gin (categories);

-- 摸排核查: a household verified on a date, by phone or visit
create table household_verification (
    id           uuid primary key,
    household_id uuid not null references household (id),
    community_id uuid not null,
    grid_cell_id uuid not null,
    verified_on  date not null,
    method       text not null check (method in ('PHONE','VISIT')),
    findings     text,
    verified_by  text not null,
    created_at   timestamptz not null default now()
);
create index household_verification_idx on household_verification (household_id, verified_on);

-- every change to a household or resident: who, when, old -> new (personal data only as "changed")
create table census_change (
    id           bigserial primary key,
    subject_type text not null check (subject_type in ('HOUSEHOLD','RESIDENT')),
    subject_id   uuid not null,
    community_id uuid not null,
    actor        text not null,
    at           timestamptz not null default now(),
    action       text not null,
    changes      jsonb not null
);
create index census_change_subject_idx on census_change (subject_id, id);

-- one append-only row per unmasked read (and per export): who, whose, when, why
create table pii_audit (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    actor        text not null,
    actor_roles  text not null,
    action       text not null check (action in ('UNMASK','EXPORT')),
    subject_type text not null,
    subject_id   uuid,
    community_id uuid,
    fields       text[] not null default '{}',
    reason       text not null,
    details      jsonb not null default '{}'::jsonb
);
create index pii_audit_community_idx on pii_audit (community_id, id);

create function pii_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'pii_audit is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger pii_audit_no_update before update or delete on pii_audit
    for each row execute function pii_audit_append_only();
create trigger pii_audit_no_truncate before truncate on pii_audit
    for each statement execute function pii_audit_append_only();

-- uploaded import files live in the database, so any instance can (re-)run the import job
create table import_upload (
    id           uuid primary key,
    job_id       uuid,
    owner        text not null,
    community_id uuid not null,
    area_id      uuid not null,
    filename     text not null,
    format       text not null check (format in ('CSV','XLSX')),
    charset      text,
    content      bytea not null,
    errors_csv   text,
    created_at   timestamptz not null default now()
);
create index import_upload_job_idx on import_upload (job_id);

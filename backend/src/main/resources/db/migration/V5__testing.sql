-- Nucleic-acid test rounds (核酸检测): rounds over area nodes, exemptions, sampling sites, door-to-door and
-- re-test tasks, pooled tubes and their samples, lab results with history, unmatched lab results, flags
-- on households/buildings of positive pools, and the per-grid-cell coverage rollup (ADR 0010).

-- census: bed-ridden residents are a category of their own (sampled at home)
comment on column resident.categories is
    'TENANT, ELDERLY_ALONE, CHRONIC_ILLNESS, DISABLED, MEDICAL_FAMILY, NEEDS_DELIVERY, CLOSE_CONTACT, SECONDARY_CONTACT, RETURNEE, BED_RIDDEN';

create table test_round (
    id            uuid primary key,
    name          text not null,
    -- the area nodes in scope, their paths (for jurisdiction and expected population) and communities
    scope_ids     uuid[] not null,
    scope_paths   text[] not null,
    community_ids uuid[] not null,
    -- sorted scope ids as text: rounds over the same scope compare with each other
    scope_key     text not null,
    round_date    date not null,
    sampling_from timestamptz not null,
    sampling_to   timestamptz not null,
    modes         text[] not null,
    pool_size     int not null check (pool_size in (1, 5, 10, 20)),
    labs          text[] not null default '{}',
    status        text not null check (status in ('PLANNED','SAMPLING','CLOSED')),
    started_at    timestamptz,
    closed_at     timestamptz,
    version       bigint not null default 0,
    created_by    text not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    constraint test_round_window check (sampling_to > sampling_from)
);
create index test_round_scope_idx on test_round (scope_key, round_date);
create index test_round_communities_idx on test_round using gin (community_ids);
create index test_round_labs_idx on test_round using gin (labs);

create table test_exemption (
    id           uuid primary key,
    round_id     uuid not null references test_round (id),
    resident_id  uuid not null references resident (id),
    community_id uuid not null,
    grid_cell_id uuid not null,
    household_id uuid not null,
    kind         text not null check (kind in ('AWAY','IN_HOSPITAL','INFANT','OTHER')),
    reason       text not null,
    granted_by   text not null,
    granted_at   timestamptz not null,
    constraint test_exemption_once unique (round_id, resident_id)
);
create index test_exemption_cell_idx on test_exemption (round_id, grid_cell_id);

create table test_site (
    id           uuid primary key,
    round_id     uuid not null references test_round (id),
    community_id uuid not null,
    area_id      uuid not null references area_node (id),
    name         text not null,
    address      text,
    opens_at     time not null,
    closes_at    time not null,
    created_by   text not null,
    created_at   timestamptz not null
);
create index test_site_round_idx on test_site (round_id);

-- door-to-door visits (one per household) and urgent individual re-tests (one per person) of a round
create table test_task (
    id             uuid primary key,
    round_id       uuid not null references test_round (id),
    community_id   uuid not null,
    grid_cell_id   uuid not null,
    household_id   uuid not null references household (id),
    kind           text not null check (kind in ('DOOR_TO_DOOR','RETEST')),
    resident_id    uuid references resident (id),
    resident_ids   uuid[] not null default '{}',
    tube_id        uuid,
    urgent         boolean not null default false,
    status         text not null check (status in ('OPEN','DONE','FAILED','CANCELLED')),
    failure_reason text,
    assignees      text[] not null default '{}',
    source         text not null,
    done_by        text,
    done_at        timestamptz,
    version        bigint not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create unique index test_task_visit_once on test_task (round_id, household_id) where kind = 'DOOR_TO_DOOR';
create unique index test_task_retest_once on test_task (round_id, resident_id) where kind = 'RETEST';
create index test_task_cell_idx on test_task (round_id, grid_cell_id, status);
create index test_task_tube_idx on test_task (tube_id);

-- a pooled tube (混采管): a barcode unique in its round, up to capacity people
create table test_tube (
    id           uuid primary key,
    round_id     uuid not null references test_round (id),
    barcode      text not null,
    community_id uuid,
    grid_cell_id uuid,
    area_id      uuid references area_node (id),
    site_id      uuid references test_site (id),
    capacity     int not null check (capacity between 1 and 20),
    members      int not null default 0,
    status       text not null check (status in ('OPEN','CLOSED')),
    result       text check (result in ('NEGATIVE','POSITIVE','INVALID')),
    tested_at    timestamptz,
    lab          text,
    lab_ref      text,
    result_at    timestamptz,
    opened_by    text not null,
    opened_at    timestamptz not null,
    closed_at    timestamptz,
    version      bigint not null default 0,
    constraint test_tube_barcode_unique unique (round_id, barcode),
    constraint test_tube_not_overfull check (members <= capacity)
);
create index test_tube_round_result_idx on test_tube (round_id, result) where result is not null;

create table test_sample (
    id           uuid primary key,
    round_id     uuid not null references test_round (id),
    tube_id      uuid not null references test_tube (id),
    community_id uuid not null,
    -- the resident's cell; for a visitor the cell of the tube's place, if it has one
    grid_cell_id uuid,
    household_id uuid,
    resident_id  uuid references resident (id),
    visitor_name text,
    visitor_phone_mask text,
    visitor_phone_cipher text,
    kind         text not null check (kind in ('ORDINARY','RETEST','MAKEUP')),
    flagged      boolean not null default false,
    flag_reason  text,
    sampled_at   timestamptz not null,
    sampled_by   text not null,
    created_at   timestamptz not null,
    constraint test_sample_person check ((resident_id is null) = (visitor_name is not null))
);
create unique index test_sample_person_in_tube on test_sample (tube_id, resident_id) where resident_id is not null;
create index test_sample_round_resident_idx on test_sample (round_id, resident_id, sampled_at);
create index test_sample_round_cell_idx on test_sample (round_id, grid_cell_id);
create index test_sample_tube_idx on test_sample (tube_id);

-- every result a lab posted that changed a tube: corrections keep their history
create table test_tube_result (
    id              bigserial primary key,
    tube_id         uuid not null references test_tube (id),
    round_id        uuid not null,
    result          text not null,
    previous_result text,
    tested_at       timestamptz not null,
    lab             text not null,
    lab_ref         text,
    received_at     timestamptz not null
);
create index test_tube_result_tube_idx on test_tube_result (tube_id, id);

-- lab results for barcodes the round does not know, kept for reconciliation
create table test_unmatched_result (
    id          uuid primary key,
    round_id    uuid not null references test_round (id),
    lab         text not null,
    barcode     text not null,
    result      text not null,
    tested_at   timestamptz not null,
    lab_ref     text,
    received_at timestamptz not null,
    resolved_at timestamptz,
    constraint test_unmatched_once unique (round_id, lab, barcode, result, tested_at)
);
create index test_unmatched_round_idx on test_unmatched_result (round_id, received_at);

-- households and buildings of a positive or invalid pool
create table test_flag (
    round_id     uuid not null references test_round (id),
    subject_type text not null check (subject_type in ('HOUSEHOLD','BUILDING')),
    subject_id   uuid not null,
    community_id uuid not null,
    grid_cell_id uuid not null,
    tube_id      uuid not null,
    flagged_at   timestamptz not null,
    primary key (round_id, subject_id)
);

-- coverage rollup per grid cell, refreshed every few seconds by once-only scheduled work
create table test_coverage_cell (
    round_id     uuid not null references test_round (id),
    grid_cell_id uuid not null,
    community_id uuid not null,
    residents    int not null,
    exempt       int not null,
    expected     int not null,
    sampled      int not null,
    makeup       int not null,
    pending      int not null,
    negative     int not null,
    positive     int not null,
    refreshed_at timestamptz not null,
    primary key (round_id, grid_cell_id)
);

-- cells whose figures changed since the last refresh
create table test_dirty_cell (
    round_id     uuid not null,
    grid_cell_id uuid not null,
    primary key (round_id, grid_cell_id)
);

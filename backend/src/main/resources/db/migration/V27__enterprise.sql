-- The register of enterprises resuming work (复工企业, issue 19 part 4, ADR 0046): one row per enterprise, known by its
-- unified social credit code (GB 32100-2015, 18 characters with a check character); where it is (an area node, usually
-- a compound or building, plus the street address as written); the contact person, whose phone is kept like a
-- resident's (ciphertext, keyed hash, mask); how many employees; when it resumed (or is to resume) and its status.
create table enterprise (
    id            uuid primary key,
    community_id  uuid not null,
    area_id       uuid not null references area_node (id),
    name          text not null check (length(name) between 1 and 200),
    -- one register: a legal entity has one credit code, so one row (the import upserts by it)
    credit_code   text not null unique check (credit_code ~ '^[0-9A-HJ-NP-RT-UW-Y]{18}$'),
    kind          text not null check (kind in ('INDUSTRIAL_PARK','MARKET','SHOP','FACTORY','OFFICE','OTHER')),
    address       text,
    contact_name  text,
    phone_cipher  text,
    phone_hmac    bytea,
    phone_mask    text,
    employees     integer not null default 0 check (employees >= 0),
    resumed_on    date,
    status        text not null check (status in ('PENDING','RESUMED','SUSPENDED')),
    created_by    text not null,
    created_at    timestamptz not null,
    updated_by    text not null,
    updated_at    timestamptz not null,
    version       bigint not null default 0,
    constraint enterprise_resumed check (status <> 'RESUMED' or resumed_on is not null)
);
create index enterprise_community_idx on enterprise (community_id, name, id);
create index enterprise_resumed_idx on enterprise (resumed_on) where status = 'RESUMED';

-- an uploaded register sheet (CSV or XLSX) and what its import job found: kept for the job and its error report
create table enterprise_import (
    id            uuid primary key,
    job_id        uuid,
    owner         text not null,
    community_id  uuid not null,
    area_id       uuid not null references area_node (id),
    filename      text not null,
    content       bytea not null,
    dry_run       boolean not null,
    -- the refused rows (line, column, reason) as CSV, once the job has checked the rows
    errors_csv    text,
    created_at    timestamptz not null
);
create index enterprise_import_job_idx on enterprise_import (job_id);

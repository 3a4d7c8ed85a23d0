-- Webhooks for agency clients: subscriptions, an outbox of deliveries written in the producer's
-- transaction, and one row per delivery attempt. All delivery state lives here, so a restart loses nothing.

create table webhook_subscription (
    id          uuid primary key,
    -- the agency client (or admin) that registered it; its agency assignments decide which events it gets
    owner       text not null,
    -- registered by an admin: receives events of every area
    global      boolean not null,
    url         text not null,
    events      text[] not null,
    -- the signing secret, encrypted at rest (PiiCipher: AES-GCM with key id)
    secret      text not null,
    description text,
    created_at  timestamptz not null,
    deleted_at  timestamptz
);
create index webhook_subscription_owner_idx on webhook_subscription (owner, created_at desc, id desc);

create table webhook_delivery (
    id              uuid primary key,
    subscription_id uuid not null references webhook_subscription (id),
    event_id        uuid not null,
    event_type      text not null,
    area_path       text not null,
    -- the exact JSON body, identical on every attempt
    body            text not null,
    status          text not null check (status in ('PENDING','DELIVERED','FAILED','CANCELLED')),
    attempts        int not null default 0,
    -- when the next attempt is due; while an attempt runs, the end of its lease
    next_attempt_at timestamptz not null,
    claim_token     uuid,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_list_idx on webhook_delivery (subscription_id, created_at desc, id desc);

create table webhook_attempt (
    id          bigserial primary key,
    delivery_id uuid not null references webhook_delivery (id),
    attempt     int not null,
    at          timestamptz not null,
    status_code int,
    error       text,
    duration_ms int not null,
    instance_id text not null,
    constraint webhook_attempt_once unique (delivery_id, attempt)
);

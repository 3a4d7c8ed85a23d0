-- Twice-daily visits of people under a quarantine order (issue 17, part 4): a worker calls or knocks in each of the
-- order kind's windows (gridguard.quarantine.windows.<KIND>) and records the temperature, symptoms, the door seal
-- (home isolation) and needs. Symptoms are health data (PIPL art. 28): read only by the order's workers, leaders and
-- supervisors, never logged. One visit per client_ref: the offline queue's retry never makes a second row.
create table quarantine_visit (
    id               uuid primary key,
    order_id         uuid not null references quarantine_order (id),
    community_id     uuid not null,
    -- the window this visit counts for: the local day (Asia/Shanghai) and its slot
    visit_date       date not null,
    slot             text not null check (slot in ('MORNING','AFTERNOON')),
    visited_at       timestamptz not null,
    mode             text not null check (mode in ('PHONE','DOOR')),
    temperature      numeric(3,1),
    fever            boolean not null default false,
    symptoms         text[] not null,
    -- home isolation only: the door seal (门磁/封条) found intact
    seal_intact      boolean,
    -- needs raised at the visit, until the needs register takes them: [{kind, urgency, note}]
    needs            jsonb not null default '[]'::jsonb,
    note             text,
    client_ref       uuid not null,
    -- a digest of what was sent: the same client_ref again is a duplicate only with the same body
    request_hash     text not null,
    recorded_by      text not null,
    recorded_at      timestamptz not null,
    fever_alert_id   uuid,
    symptom_alert_id uuid,
    constraint quarantine_visit_client_ref unique (client_ref),
    constraint quarantine_visit_symptoms check (cardinality(symptoms) > 0 and symptoms <@ array['FEVER','COUGH','SORE_THROAT',
        'LOSS_OF_TASTE_OR_SMELL','FATIGUE','DIARRHOEA','NONE']::text[]
        and (not symptoms @> array['NONE']::text[] or cardinality(symptoms) = 1)),
    constraint quarantine_visit_temperature check (temperature is null or temperature between 34.0 and 43.0)
);
-- the due list and the missed-window sweep: the visits of an order's window
create index quarantine_visit_window_idx on quarantine_visit (order_id, visit_date, slot);

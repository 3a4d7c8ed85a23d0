-- The needs register's whole lifecycle (issue 18 "Care and supplies", ADR 0043): open -> assigned -> out for
-- delivery -> delivered (who received it), or cancelled with a reason; a need may go back to open (nobody home).
-- A medicine need names the medicine and the quantity; a prescription photo may be attached.
alter table need drop constraint need_status_check;
alter table need add constraint need_status_check
    check (status in ('OPEN','ASSIGNED','OUT_FOR_DELIVERY','DELIVERED','CANCELLED'));
alter table need
    add column medicine_name     text,
    add column medicine_quantity text,
    -- the delivery run carrying it (delivery_run, owned by the delivery feature; no foreign key across features)
    add column run_id            uuid,
    -- who carries it (a username), while assigned or out for delivery
    add column assigned_to       text,
    add column received_by       text,
    add column delivered_at      timestamptz,
    add constraint need_delivered check ((status = 'DELIVERED') = (delivered_at is not null and received_by is not null)),
    add constraint need_medicine check (kind = 'MEDICINE' or (medicine_name is null and medicine_quantity is null));

-- the urgent-need sweep and the metrics read needs by status and age
create index need_open_urgent_idx on need (created_at) where status = 'OPEN' and urgency = 'URGENT_MEDICAL';
create index need_delivered_idx on need (household_id, delivered_at) where status = 'DELIVERED';
create index need_run_idx on need (run_id) where run_id is not null;

-- at most one prescription photo per need (JPEG, PNG or WebP, at most 5 MB), kept with the need
create table need_prescription (
    need_id      uuid primary key references need (id),
    content_type text not null check (content_type in ('image/jpeg','image/png','image/webp')),
    bytes        bytea not null check (octet_length(bytes) between 1 and 5242880),
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);

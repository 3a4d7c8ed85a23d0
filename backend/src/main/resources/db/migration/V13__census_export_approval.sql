-- A clear export of more people than gridguard.census.export-approval-above (1,000) needs a second supervisor's
-- approval besides its reason (PIPL art. 51-55, least necessary; ADR 0029). The requester downloads it once, within
-- gridguard.census.export-approval-valid of the approval.
create table census_export_request (
    id            uuid primary key,
    community_id  uuid not null,
    area_id       uuid not null,
    kind          text not null default 'RESIDENTS' check (kind in ('RESIDENTS')),
    fields        text[] not null,
    reason        text not null,
    people        integer not null,
    status        text not null check (status in ('PENDING','APPROVED','REJECTED','DOWNLOADED')),
    requested_by  text not null,
    requested_at  timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    expires_at    timestamptz,
    downloaded_at timestamptz,
    -- nobody approves their own request, whatever the code says
    constraint census_export_request_four_eyes check (decided_by is null or decided_by <> requested_by)
);
create index census_export_request_community_idx on census_export_request (community_id, requested_at desc);

-- the audit records the requests and decisions too
alter table pii_audit drop constraint pii_audit_action_check;
alter table pii_audit add constraint pii_audit_action_check
    check (action in ('UNMASK','EXPORT','EXPORT_REQUEST','EXPORT_DECISION'));

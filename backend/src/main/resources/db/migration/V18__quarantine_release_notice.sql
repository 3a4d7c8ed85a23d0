-- The release notice of a quarantine order (issue 17 part 6, ADR 0033): each printed notice carries the person's name
-- and masked ID number, so each download is one pii_audit row, action RELEASE_NOTICE (subject QUARANTINE_ORDER).
alter table pii_audit drop constraint pii_audit_action_check;
alter table pii_audit add constraint pii_audit_action_check
    check (action in ('UNMASK','EXPORT','EXPORT_REQUEST','EXPORT_DECISION','RELEASE_NOTICE'));

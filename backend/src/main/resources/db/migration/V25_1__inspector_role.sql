-- Issue 19: a member of a street's inspection team (督查组) is assigned to an area node like the other area roles.
alter table assignment drop constraint assignment_role_check;
alter table assignment add constraint assignment_role_check
    check (role in ('supervisor','grid-leader','grid-worker','lab','agency','site-staff','inspector'));

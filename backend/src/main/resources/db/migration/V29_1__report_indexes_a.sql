-- The daily report's census section (issue 20) counts a subtree's households and living residents now and walks back
-- through what changed since the first day of the range. Counting now reads only an index (households by their
-- area through household_door_unique, living residents by theirs here); the changes are found by time, not by
-- visiting every person of the subtree: creations, status changes (a small partial index) and verifications.
create index resident_living_area_idx on resident (area_id) where status = 'LIVING';
create index resident_created_idx on resident (created_at);
create index household_created_idx on household (created_at);
create index census_change_status_idx on census_change (at) where subject_type = 'RESIDENT' and changes -> 'status' is not null;
create index household_verification_day_idx on household_verification (verified_on);

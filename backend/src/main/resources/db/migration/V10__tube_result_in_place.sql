-- A lab result rewrites its tube in place (a HOT update: no index touched) instead of adding an entry to every index
-- of test_tube: result is no longer in any of them, and pages keep room for the new version. The pools that came
-- back positive or invalid are found through their result history, which only grows (docs/PERFORMANCE.md, issue 6).
drop index test_tube_round_result_idx;
alter table test_tube set (fillfactor = 90);
create index test_tube_result_bad_idx on test_tube_result (round_id, tube_id) where result in ('POSITIVE', 'INVALID');

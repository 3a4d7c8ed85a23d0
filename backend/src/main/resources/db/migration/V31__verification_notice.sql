-- A notice left (留言/张贴告知, issue 20): a worker who reached nobody leaves a notice at the door or a message.
-- It is listed with the household's verifications and counted in the daily report ("notices left"), but it is a
-- contact attempt, not a verification: it never moves household.last_verified_on nor the household's status (ADR 0052).
alter table household_verification drop constraint household_verification_method_check;
alter table household_verification add constraint household_verification_method_check
    check (method in ('PHONE','VISIT','NOTICE'));

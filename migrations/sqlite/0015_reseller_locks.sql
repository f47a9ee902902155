-- The distributor can lock a reseller: nobody of it can log in until it is unlocked. The lock
-- sits beside the signup's status, so unlocking returns the account to where it stood.
ALTER TABLE resellers ADD COLUMN locked_at INTEGER;
CREATE INDEX resellers_locked ON resellers (locked_at);

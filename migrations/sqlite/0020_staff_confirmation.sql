-- A company activated by its customer number alone (no one at the distributor looked at it)
-- orders only up to a set amount until staff confirm it; an approval confirms a company too.
-- Companies active before this change count as confirmed.
ALTER TABLE resellers ADD COLUMN confirmed_by_staff_at INTEGER;
UPDATE resellers SET confirmed_by_staff_at = created_at WHERE status = 'active';

-- Whom the distributor tells when an account is opened under a number (optional).
ALTER TABLE customer_registry ADD COLUMN contact_email TEXT;

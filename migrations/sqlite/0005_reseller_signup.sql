-- What a reseller company gives at signup, and where its account stands:
-- unconfirmed (email not yet confirmed) -> active (customer number matched) or
-- awaiting_approval (the distributor decides) -> active / rejected.
ALTER TABLE resellers ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('unconfirmed', 'awaiting_approval', 'active', 'rejected'));
ALTER TABLE resellers ADD COLUMN street TEXT;
ALTER TABLE resellers ADD COLUMN postal_code TEXT;
ALTER TABLE resellers ADD COLUMN city TEXT;
ALTER TABLE resellers ADD COLUMN country TEXT;
ALTER TABLE resellers ADD COLUMN federal_state TEXT;
ALTER TABLE resellers ADD COLUMN customer_number TEXT;
ALTER TABLE resellers ADD COLUMN partner_id TEXT;
ALTER TABLE resellers ADD COLUMN account_holder TEXT;
ALTER TABLE resellers ADD COLUMN iban TEXT;
ALTER TABLE resellers ADD COLUMN bic TEXT;
ALTER TABLE resellers ADD COLUMN terms_version TEXT;
ALTER TABLE resellers ADD COLUMN privacy_version TEXT;
ALTER TABLE resellers ADD COLUMN terms_accepted_at INTEGER;
-- One reseller account per distributor customer (several NULLs are fine).
CREATE UNIQUE INDEX resellers_customer_number ON resellers (customer_number);
CREATE INDEX resellers_status ON resellers (status);

-- The contact person, and the language their mails are written in.
ALTER TABLE users ADD COLUMN salutation TEXT;
ALTER TABLE users ADD COLUMN first_name TEXT;
ALTER TABLE users ADD COLUMN last_name TEXT;
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en'));

-- The distributor's customer records, against which a customer number given at signup is
-- checked ("Abgleich"): it must exist and its postal code must match.
CREATE TABLE customer_registry (
    customer_number TEXT PRIMARY KEY,
    company_name TEXT NOT NULL,
    postal_code TEXT NOT NULL
);

-- Each customer's partner status ("Microsoft-Kunden"): the colour of the last successful check
-- against the provider, and when; a failed check only records when it failed, so that it
-- never changes a colour.
CREATE TABLE partner_checks (
    customer_id BIGINT PRIMARY KEY REFERENCES customers (id),
    status TEXT CHECK (status IN ('green', 'orange', 'red')),
    checked_at BIGINT,
    failed_at BIGINT
);
CREATE INDEX partner_checks_status ON partner_checks (status);

-- The simulated provider's indirect resellers per customer tenant (by Microsoft id).
CREATE TABLE sim_indirect_resellers (
    domain TEXT NOT NULL,
    microsoft_id TEXT NOT NULL,
    PRIMARY KEY (domain, microsoft_id)
);

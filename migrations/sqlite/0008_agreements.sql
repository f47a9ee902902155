-- A customer's acceptance of the cloud agreement: at most one per customer (the primary key
-- decides between a link accepted and a manual confirmation at the same moment). A customer
-- with a row is "green" and may order.
CREATE TABLE agreement_acceptances (
    customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
    -- The version of the agreement text that was shown (the files shipped with Kontor).
    version TEXT NOT NULL,
    -- link: the customer accepted on the emailed page; attested: a reseller user recorded it.
    method TEXT NOT NULL CHECK (method IN ('link', 'attested')),
    signer_first_name TEXT NOT NULL,
    signer_last_name TEXT NOT NULL,
    signer_email TEXT NOT NULL,
    -- link: the moment of acceptance; attested: midnight UTC of the date given.
    accepted_at INTEGER NOT NULL,
    -- link only: where the acceptance came from.
    ip TEXT,
    user_agent TEXT,
    -- attested only: the reseller user who attested it.
    attested_by INTEGER REFERENCES users (id),
    recorded_at INTEGER NOT NULL,
    -- When the provider confirmed it has recorded the acceptance.
    reported_at INTEGER,
    CHECK ((method = 'attested') = (attested_by IS NOT NULL))
);

-- Who changed what, when. `actor` names who acted (a user's email, or the person who
-- accepted through an emailed link); `details` is the change as JSON.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    reseller_id INTEGER REFERENCES resellers (id),
    customer_id INTEGER REFERENCES customers (id),
    user_id INTEGER REFERENCES users (id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX audit_log_by_customer ON audit_log (customer_id, id);

-- The simulated provider's record of accepted agreements, one per request id.
CREATE TABLE sim_agreements (
    request_id TEXT PRIMARY KEY,
    domain TEXT NOT NULL,
    template_id TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    date_agreed TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Provider jobs learn a second kind: reporting an acceptance. (SQLite cannot change a CHECK,
-- so the table is rebuilt; nothing refers to it.)
CREATE TABLE provider_jobs_new (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('create_tenant', 'report_agreement')),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    request_id TEXT NOT NULL UNIQUE,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until INTEGER,
    done_at INTEGER,
    failed_at INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL
);
INSERT INTO provider_jobs_new SELECT id, kind, customer_id, request_id, attempts,
    next_attempt_at, claimed_until, done_at, failed_at, last_error, created_at FROM provider_jobs;
DROP TABLE provider_jobs;
ALTER TABLE provider_jobs_new RENAME TO provider_jobs;
CREATE INDEX provider_jobs_due ON provider_jobs (next_attempt_at)
    WHERE done_at IS NULL AND failed_at IS NULL;

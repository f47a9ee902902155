-- A customer's acceptance of the cloud agreement: at most one per customer (the primary key
-- decides between a link accepted and a manual confirmation at the same moment). A customer
-- with a row is "green" and may order.
CREATE TABLE agreement_acceptances (
    customer_id BIGINT PRIMARY KEY REFERENCES customers (id),
    -- The version of the agreement text that was shown (the files shipped with Kontor).
    version TEXT NOT NULL,
    -- link: the customer accepted on the emailed page; attested: a reseller user recorded it.
    method TEXT NOT NULL CHECK (method IN ('link', 'attested')),
    signer_first_name TEXT NOT NULL,
    signer_last_name TEXT NOT NULL,
    signer_email TEXT NOT NULL,
    -- link: the moment of acceptance; attested: midnight UTC of the date given.
    accepted_at BIGINT NOT NULL,
    -- link only: where the acceptance came from.
    ip TEXT,
    user_agent TEXT,
    -- attested only: the reseller user who attested it.
    attested_by BIGINT REFERENCES users (id),
    recorded_at BIGINT NOT NULL,
    -- When the provider confirmed it has recorded the acceptance.
    reported_at BIGINT,
    CHECK ((method = 'attested') = (attested_by IS NOT NULL))
);

-- Who changed what, when. `actor` names who acted (a user's email, or the person who
-- accepted through an emailed link); `details` is the change as JSON.
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    reseller_id BIGINT REFERENCES resellers (id),
    customer_id BIGINT REFERENCES customers (id),
    user_id BIGINT REFERENCES users (id),
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
    created_at BIGINT NOT NULL
);

-- Provider jobs learn a second kind: reporting an acceptance.
ALTER TABLE provider_jobs DROP CONSTRAINT provider_jobs_kind_check;
ALTER TABLE provider_jobs ADD CONSTRAINT provider_jobs_kind_check
    CHECK (kind IN ('create_tenant', 'report_agreement'));

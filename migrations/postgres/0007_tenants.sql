-- A customer's Microsoft tenant, as Kontor tracks it. A new tenant's prefix is unique across
-- all resellers: the unique index, not a check before the insert, decides who gets it.
CREATE TABLE tenants (
    customer_id BIGINT PRIMARY KEY REFERENCES customers (id),
    kind TEXT NOT NULL CHECK (kind IN ('new', 'existing')),
    -- New tenants only, lower-case; NULL again when the provider refused it as taken.
    prefix TEXT UNIQUE,
    domain TEXT NOT NULL,
    -- new: waiting -> creating -> ready, or failed; existing: invited -> authorised.
    status TEXT NOT NULL
        CHECK (status IN ('waiting', 'creating', 'ready', 'failed', 'invited', 'authorised')),
    failure TEXT,
    provider_tenant_id TEXT,
    admin_user TEXT,
    -- The first admin password, encrypted with the configured key, until the reseller has
    -- noted it; then NULL for good.
    admin_password_sealed TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Calls to the provider that change something, with retries. The request id stays the same
-- for every attempt, so the provider does the work once.
CREATE TABLE provider_jobs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('create_tenant')),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    request_id TEXT NOT NULL UNIQUE,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    done_at BIGINT,
    failed_at BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX provider_jobs_due ON provider_jobs (next_attempt_at)
    WHERE done_at IS NULL AND failed_at IS NULL;

-- The simulated provider's own state (only used when the embedded simulator is the provider).
CREATE TABLE sim_tenants (
    id TEXT PRIMARY KEY,
    domain TEXT NOT NULL UNIQUE,
    company_name TEXT NOT NULL,
    request_id TEXT NOT NULL UNIQUE,
    admin_user TEXT NOT NULL,
    admin_password TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    ready_at BIGINT NOT NULL
);

-- Invitations an existing tenant's admin follows to authorise a reseller, and the tenants
-- that did (the simulator's part of "read a customer's reseller relationship").
CREATE TABLE sim_invitations (
    token TEXT PRIMARY KEY,
    domain TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE sim_relationships (
    domain TEXT PRIMARY KEY,
    authorised_by TEXT NOT NULL,
    authorised_at BIGINT NOT NULL
);

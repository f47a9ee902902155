-- A subscription's lifecycle under the new-commerce rules. `started_at` is the purchase to
-- the second: the terms follow from it and the cycle, and the change window runs 168 hours
-- from the start of each term. `auto_renew`; the users it renews with (`renewal_seats`),
-- due at `renewal_seats_from` (the end of the term they were scheduled in); when it was
-- cancelled.
ALTER TABLE subscriptions ADD COLUMN started_at INTEGER NOT NULL DEFAULT 0;
UPDATE subscriptions SET started_at = COALESCE((SELECT o.completed_at FROM order_lines l
    JOIN orders o ON o.id = l.order_id WHERE l.id = subscriptions.order_line_id), 0);
ALTER TABLE subscriptions ADD COLUMN auto_renew INTEGER NOT NULL DEFAULT 1;
ALTER TABLE subscriptions ADD COLUMN renewal_seats INTEGER;
ALTER TABLE subscriptions ADD COLUMN renewal_seats_from INTEGER;
ALTER TABLE subscriptions ADD COLUMN cancelled_at INTEGER;
ALTER TABLE subscriptions DROP COLUMN renews_on;

-- A reseller's change of a subscription, carried out at the provider by a job: fewer users,
-- a cancellation, users for the renewal, automatic renewal on or off. One at a time per
-- subscription, decided by the unique index.
CREATE TABLE subscription_changes (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('reduce', 'cancel', 'renewal_seats', 'auto_renew')),
    seats INTEGER,
    auto_renew INTEGER,
    status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    -- Why it failed: what the provider refused (ProviderProblem), or 'unavailable'.
    failure TEXT,
    requested_at INTEGER NOT NULL,
    settled_at INTEGER
);
CREATE UNIQUE INDEX subscription_changes_one_pending ON subscription_changes (subscription_id)
    WHERE status = 'pending';
CREATE INDEX subscription_changes_by_subscription ON subscription_changes (subscription_id, id);

-- The job queue knows no capability: a job's subject is the record its kind works on (an
-- order, a subscription change), whichever its kind says.
CREATE TABLE provider_jobs_new (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('create_tenant', 'report_agreement', 'provision_order',
        'change_subscription')),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    subject_id INTEGER,
    request_id TEXT NOT NULL UNIQUE,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until INTEGER,
    done_at INTEGER,
    failed_at INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL
);
INSERT INTO provider_jobs_new SELECT id, kind, customer_id, order_id, request_id, attempts,
    next_attempt_at, claimed_until, done_at, failed_at, last_error, created_at FROM provider_jobs;
DROP TABLE provider_jobs;
ALTER TABLE provider_jobs_new RENAME TO provider_jobs;
CREATE INDEX provider_jobs_due ON provider_jobs (next_attempt_at)
    WHERE done_at IS NULL AND failed_at IS NULL;

-- A subscription's lifecycle under the new-commerce rules. `started_at` is the purchase to
-- the second: the terms follow from it and the cycle, and the change window runs 168 hours
-- from the start of each term. `auto_renew`; the users it renews with (`renewal_seats`),
-- due at `renewal_seats_from` (the end of the term they were scheduled in); when it was
-- cancelled.
ALTER TABLE subscriptions ADD COLUMN started_at BIGINT NOT NULL DEFAULT 0;
UPDATE subscriptions SET started_at = COALESCE((SELECT o.completed_at FROM order_lines l
    JOIN orders o ON o.id = l.order_id WHERE l.id = subscriptions.order_line_id), 0);
ALTER TABLE subscriptions ADD COLUMN auto_renew BIGINT NOT NULL DEFAULT 1;
ALTER TABLE subscriptions ADD COLUMN renewal_seats BIGINT;
ALTER TABLE subscriptions ADD COLUMN renewal_seats_from BIGINT;
ALTER TABLE subscriptions ADD COLUMN cancelled_at BIGINT;
ALTER TABLE subscriptions DROP COLUMN renews_on;

-- A reseller's change of a subscription, carried out at the provider by a job: fewer users,
-- a cancellation, users for the renewal, automatic renewal on or off. One at a time per
-- subscription, decided by the unique index.
CREATE TABLE subscription_changes (
    id BIGSERIAL PRIMARY KEY,
    subscription_id BIGINT NOT NULL REFERENCES subscriptions (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('reduce', 'cancel', 'renewal_seats', 'auto_renew')),
    seats BIGINT,
    auto_renew BIGINT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    -- Why it failed: what the provider refused (ProviderProblem), or 'unavailable'.
    failure TEXT,
    requested_at BIGINT NOT NULL,
    settled_at BIGINT
);
CREATE UNIQUE INDEX subscription_changes_one_pending ON subscription_changes (subscription_id)
    WHERE status = 'pending';
CREATE INDEX subscription_changes_by_subscription ON subscription_changes (subscription_id, id);

-- The job queue knows no capability: a job's subject is the record its kind works on (an
-- order, a subscription change), whichever its kind says.
ALTER TABLE provider_jobs RENAME COLUMN order_id TO subject_id;
ALTER TABLE provider_jobs DROP CONSTRAINT provider_jobs_order_id_fkey;
ALTER TABLE provider_jobs DROP CONSTRAINT provider_jobs_kind_check;
ALTER TABLE provider_jobs ADD CONSTRAINT provider_jobs_kind_check
    CHECK (kind IN ('create_tenant', 'report_agreement', 'provision_order',
        'change_subscription'));

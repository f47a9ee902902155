-- Binding orders, placed from a cart: a snapshot of what was ordered at which price, for
-- which customer, by whom. The idempotency key (kept with the cart and sent with the order
-- form) is unique per user: a repeated submission finds the order it already made.
ALTER TABLE carts ADD COLUMN order_key TEXT;

CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    reseller_id BIGINT NOT NULL REFERENCES resellers (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    -- What the cart held when the order was placed (see `cart_digest`): the same key with
    -- another digest is refused.
    cart_digest TEXT NOT NULL,
    net_cents BIGINT NOT NULL,
    vat_cents BIGINT NOT NULL,
    gross_cents BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'provisioning', 'active', 'failed')),
    -- Why provisioning failed, for the reseller (a code the page translates).
    failure TEXT,
    provider_order_id TEXT,
    placed_at BIGINT NOT NULL,
    completed_at BIGINT,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX orders_by_reseller ON orders (reseller_id, id);
CREATE INDEX orders_by_customer ON orders (customer_id, id);

CREATE TABLE order_lines (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    -- An add-on's line belongs to its base product's line.
    parent_id BIGINT REFERENCES order_lines (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    pricing TEXT NOT NULL CHECK (pricing IN ('subscription', 'perpetual', 'usage')),
    cycle TEXT NOT NULL CHECK (cycle IN ('monthly', 'annual')),
    seats BIGINT NOT NULL CHECK (seats >= 1),
    unit_cents BIGINT NOT NULL,
    period_cents BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'provisioning', 'active', 'failed')),
    provider_subscription_id TEXT,
    -- Set for more users of an existing subscription (`seats` are the users added).
    subscription_id BIGINT
);
CREATE INDEX order_lines_by_order ON order_lines (order_id, id);
CREATE INDEX order_lines_by_subscription ON order_lines (subscription_id)
    WHERE subscription_id IS NOT NULL;

-- What a customer has: one subscription per activated order line.
CREATE TABLE subscriptions (
    id BIGSERIAL PRIMARY KEY,
    reseller_id BIGINT NOT NULL REFERENCES resellers (id),
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    order_line_id BIGINT NOT NULL UNIQUE REFERENCES order_lines (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    pricing TEXT NOT NULL CHECK (pricing IN ('subscription', 'perpetual', 'usage')),
    cycle TEXT NOT NULL CHECK (cycle IN ('monthly', 'annual')),
    seats BIGINT NOT NULL CHECK (seats >= 1),
    provider_subscription_id TEXT NOT NULL,
    -- German calendar dates (`YYYY-MM-DD`); a perpetual licence never renews.
    started_on TEXT NOT NULL,
    renews_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended'))
);
CREATE INDEX subscriptions_by_customer ON subscriptions (customer_id, id);
ALTER TABLE order_lines ADD FOREIGN KEY (subscription_id) REFERENCES subscriptions (id);

-- Provisioning an order is a provider job of its own kind, tied to the order.
ALTER TABLE provider_jobs ADD COLUMN order_id BIGINT REFERENCES orders (id);
ALTER TABLE provider_jobs DROP CONSTRAINT provider_jobs_kind_check;
ALTER TABLE provider_jobs ADD CONSTRAINT provider_jobs_kind_check
    CHECK (kind IN ('create_tenant', 'report_agreement', 'provision_order'));

-- The simulated provider's orders: created once per request id, completed a few seconds later.
CREATE TABLE sim_orders (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    domain TEXT NOT NULL,
    line_items TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    ready_at BIGINT NOT NULL
);

-- Each reseller user's cart, kept until it is ordered (it survives logging out): the order's
-- name and customer, and its lines. An add-on's line belongs to its base product's line.
CREATE TABLE carts (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    order_name TEXT NOT NULL DEFAULT '',
    customer_id INTEGER REFERENCES customers (id),
    updated_at INTEGER NOT NULL
);

CREATE TABLE cart_lines (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    product_id INTEGER NOT NULL REFERENCES products (id),
    parent_id INTEGER REFERENCES cart_lines (id),
    seats INTEGER NOT NULL CHECK (seats >= 1),
    cycle TEXT NOT NULL CHECK (cycle IN ('monthly', 'annual')),
    -- The unit price (per user and month, or once) the reseller last saw and accepted for
    -- this line; a catalogue price that differs from it is shown and must be confirmed.
    price_cents INTEGER NOT NULL,
    added_at INTEGER NOT NULL
);
CREATE INDEX cart_lines_by_user ON cart_lines (user_id, id);

-- The catalogue: categories as a tree, products with net prices in integer cents.
CREATE TABLE product_categories (
    id BIGSERIAL PRIMARY KEY,
    -- Stable name for links (`?category=microsoft-csp`).
    slug TEXT NOT NULL UNIQUE,
    parent_id BIGINT REFERENCES product_categories (id),
    name_de TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position BIGINT NOT NULL
);

CREATE TABLE products (
    id BIGSERIAL PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    category_id BIGINT NOT NULL REFERENCES product_categories (id),
    name TEXT NOT NULL,
    description_de TEXT NOT NULL,
    description_en TEXT NOT NULL,
    -- Subscriptions: per user and month, for monthly and for annual billing (either may be
    -- missing). Perpetual licences: once per licence. Usage (Azure): none of them.
    monthly_cents BIGINT CHECK (monthly_cents >= 0),
    annual_cents BIGINT CHECK (annual_cents >= 0),
    once_cents BIGINT CHECK (once_cents >= 0),
    min_seats BIGINT NOT NULL CHECK (min_seats >= 1),
    max_seats BIGINT NOT NULL CHECK (max_seats >= min_seats),
    -- 1 when the prices are examples (the demo catalogue), shown as such.
    example_prices BIGINT NOT NULL DEFAULT 0 CHECK (example_prices IN (0, 1)),
    -- Retired products stay for old orders but are no longer offered.
    retired_at BIGINT,
    -- Lower-cased by the application: name, SKU and descriptions, for the search.
    search_text TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX products_by_category ON products (category_id, position);

-- Which products can be booked as add-ons to which.
CREATE TABLE product_addons (
    product_id BIGINT NOT NULL REFERENCES products (id),
    addon_id BIGINT NOT NULL REFERENCES products (id),
    PRIMARY KEY (product_id, addon_id)
);

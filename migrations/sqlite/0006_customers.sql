-- A reseller's end-customers. Every query names the reseller: one reseller never sees
-- another's customers.
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers (id),
    company_name TEXT NOT NULL,
    street TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    contact_first_name TEXT NOT NULL,
    contact_last_name TEXT NOT NULL,
    -- Invitations and agreements go to this address, in this language.
    contact_email TEXT NOT NULL,
    phone TEXT,
    locale TEXT NOT NULL CHECK (locale IN ('de', 'en')),
    -- Lower-cased by the application (SQLite's lower() knows only ASCII): the list sorts by
    -- sort_name and searches search_text.
    sort_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX customers_by_name ON customers (reseller_id, sort_name, id);

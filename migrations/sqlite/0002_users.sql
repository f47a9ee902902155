-- Reseller companies (the signup adds their details) and the people who log in.
CREATE TABLE resellers (
    id INTEGER PRIMARY KEY,
    company_name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    -- Lower-cased by the application: one account per address.
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'reseller_admin', 'reseller_staff')),
    -- Distributor staff belong to no reseller; every reseller user to exactly one.
    reseller_id INTEGER REFERENCES resellers (id),
    created_at INTEGER NOT NULL,
    deactivated_at INTEGER,
    CHECK ((role = 'admin') = (reseller_id IS NULL))
);

CREATE INDEX users_reseller ON users (reseller_id);

-- One row: when this installation first started.
CREATE TABLE installation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    installed_at BIGINT NOT NULL
);

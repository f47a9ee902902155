-- The hits that rate limits and the login throttle count, shared by every Kontor process on
-- this database. `bucket` is the SHA-256 of the limit's name and key (an address, an
-- account): the table names no one. `at_ms`: milliseconds since the Unix epoch. Housekeeping
-- deletes hits older than the longest window.
CREATE TABLE limit_hits (
    id INTEGER PRIMARY KEY,
    bucket TEXT NOT NULL,
    at_ms INTEGER NOT NULL
);
CREATE INDEX limit_hits_by_bucket ON limit_hits (bucket, at_ms);
CREATE INDEX limit_hits_by_age ON limit_hits (at_ms);

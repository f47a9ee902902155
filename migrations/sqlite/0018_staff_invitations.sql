-- A distributor admin invited by mail has no password of their own until they follow the
-- link; until then the account stands as invited.
ALTER TABLE users ADD COLUMN invited_at INTEGER;

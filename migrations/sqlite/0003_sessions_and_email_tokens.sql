-- Server-side sessions; the browser holds the id, we keep only its SHA-256.
CREATE TABLE sessions (
    id_digest TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use links sent by email, for one purpose and one record each; digest only.
CREATE TABLE email_tokens (
    digest TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    superseded_at INTEGER
);
CREATE INDEX email_tokens_subject ON email_tokens (purpose, subject_id);

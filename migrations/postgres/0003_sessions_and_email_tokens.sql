-- Server-side sessions; the browser holds the id, we keep only its SHA-256.
CREATE TABLE sessions (
    id_digest TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use links sent by email, for one purpose and one record each; digest only.
CREATE TABLE email_tokens (
    digest TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    superseded_at BIGINT
);
CREATE INDEX email_tokens_subject ON email_tokens (purpose, subject_id);

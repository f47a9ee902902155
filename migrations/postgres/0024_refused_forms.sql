-- A form refused without JavaScript, kept for the page that shows it again (whichever Kontor
-- process serves it). `entry`: the form's name and the SHA-256 of the random key in the
-- browser's cookie; `sealed`: the form as typed (never a password), encrypted with the
-- server's key; `bytes`: its size, for the bound on all kept forms; until `kept_until`
-- (seconds since the Unix epoch).
CREATE TABLE refused_forms (
    entry TEXT PRIMARY KEY,
    sealed TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    kept_until BIGINT NOT NULL
);
CREATE INDEX refused_forms_by_age ON refused_forms (kept_until);

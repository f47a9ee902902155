-- What the distributor tells its resellers on their start page: announcements of six kinds,
-- each in German and English (Markdown), visible in a window, pinned ones first. A
-- maintenance notice may name when the maintenance happens: resellers see it as a banner
-- from a day before until it ends.
CREATE TABLE announcements (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL
        CHECK (kind IN ('news', 'update', 'maintenance', 'promotion', 'price_list', 'guide')),
    title_de TEXT NOT NULL,
    title_en TEXT NOT NULL,
    body_de TEXT NOT NULL,
    body_en TEXT NOT NULL,
    visible_from BIGINT NOT NULL,
    visible_until BIGINT CHECK (visible_until > visible_from),
    maintenance_from BIGINT,
    maintenance_until BIGINT,
    pinned BIGINT NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK ((maintenance_from IS NULL) = (maintenance_until IS NULL)),
    CHECK (maintenance_from IS NULL OR (kind = 'maintenance' AND maintenance_until > maintenance_from))
);
CREATE INDEX announcements_visible ON announcements (visible_from, visible_until);

-- The distributor's contact block on the start page: one line per team.
CREATE TABLE distributor_contacts (
    id BIGSERIAL PRIMARY KEY,
    team TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    position BIGINT NOT NULL
);

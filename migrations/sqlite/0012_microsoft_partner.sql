-- The reseller's Microsoft partner identity ("Microsoft MPN + MPA"): the location MPN with
-- which it accepted the Microsoft Partner Agreement and its Microsoft id (the partner
-- tenant's GUID, lower case), and the provider's answer to the last "MPA prüfen". Changing the
-- MPN forgets that answer.
ALTER TABLE resellers ADD COLUMN location_mpn TEXT;
ALTER TABLE resellers ADD COLUMN microsoft_id TEXT;
ALTER TABLE resellers ADD COLUMN mpa_status TEXT
    CHECK (mpa_status IN ('accepted', 'not_accepted', 'unknown_mpn'));
ALTER TABLE resellers ADD COLUMN mpa_accepted_on TEXT;
ALTER TABLE resellers ADD COLUMN mpa_checked_at INTEGER;

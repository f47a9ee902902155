-- The administration's audit log: each entry's area (for the filter) and the address the
-- change came from (none for the worker's own steps).
ALTER TABLE audit_log ADD COLUMN area TEXT;
ALTER TABLE audit_log ADD COLUMN client_address TEXT;
UPDATE audit_log SET area = CASE
    WHEN action LIKE 'agreement_%' THEN 'agreements'
    WHEN action LIKE 'order_%' THEN 'orders'
    WHEN action IN ('microsoft_partner_saved', 'partner_invitation_sent') THEN 'microsoft_partner'
    WHEN action LIKE 'reseller_%' THEN 'resellers'
    WHEN action LIKE 'announcement_%' THEN 'announcements'
    WHEN action LIKE 'contact_%' THEN 'contacts'
    ELSE 'customer_numbers'
END;
CREATE INDEX audit_log_by_area ON audit_log (area, id);

-- "Einladung senden": when the last invitation to link a customer to its reseller as
-- indirect reseller went out (also the per-customer limit on them).
ALTER TABLE partner_checks ADD COLUMN invited_at INTEGER;

-- The simulated provider's invitations name the indirect reseller that asks to be linked
-- (a Microsoft id); without one, an invitation asks for the reseller relationship.
ALTER TABLE sim_invitations ADD COLUMN indirect_reseller TEXT;

-- The simulated provider keeps tables of its own, created when it runs (crate
-- kontor-provider-sim): a deployment with the real provider has none. What a demo database
-- held in the old ones is gone; its tenants were simulated anyway.
DROP TABLE IF EXISTS sim_tenants;
DROP TABLE IF EXISTS sim_invitations;
DROP TABLE IF EXISTS sim_relationships;
DROP TABLE IF EXISTS sim_agreements;
DROP TABLE IF EXISTS sim_orders;
DROP TABLE IF EXISTS sim_indirect_resellers;

-- An order goes to the provider as a cart, whose checkout makes one order per billing cycle.
ALTER TABLE orders ADD COLUMN provider_cart_id TEXT;
CREATE TABLE order_provider_orders (
    order_id INTEGER NOT NULL REFERENCES orders (id),
    provider_order_id TEXT NOT NULL,
    PRIMARY KEY (order_id, provider_order_id)
);
INSERT INTO order_provider_orders (order_id, provider_order_id)
    SELECT id, provider_order_id FROM orders WHERE provider_order_id IS NOT NULL;
ALTER TABLE orders DROP COLUMN provider_order_id;

-- The MPA check reads the partner's profile first: its name, or why Microsoft refuses the
-- MPN. 'unknown_mpn' now stands for any refusal; the reason is in mpa_refusal.
ALTER TABLE resellers RENAME COLUMN mpa_accepted_on TO mpa_partner_name;
UPDATE resellers SET mpa_partner_name = NULL;
ALTER TABLE resellers ADD COLUMN mpa_refusal TEXT;
UPDATE resellers SET mpa_refusal = 'partner_id_unknown' WHERE mpa_status = 'unknown_mpn';

-- One Kontor customer per tenant domain, whoever's customer it is: a second reseller naming a
-- domain Kontor knows already is refused by this index, race-safe like prefixes. A new
-- tenant the provider refused as taken keeps its domain only as history, so it does not
-- count.
CREATE UNIQUE INDEX tenants_domain ON tenants (domain)
    WHERE NOT (status = 'failed' AND failure = 'prefix_taken');

-- One increase of a subscription's users under way at a time: two at once would leave
-- Kontor billing both while the provider ends at the last one. The index decides between
-- simultaneous orders, inside their transactions.
CREATE UNIQUE INDEX order_lines_one_pending_increase ON order_lines (subscription_id)
    WHERE subscription_id IS NOT NULL AND status IN ('received', 'provisioning');

-- A customer's partner re-check is claimed by one instance for a while, so that several
-- instances on one database do not all ask the provider about the same customer.
ALTER TABLE partner_checks ADD COLUMN claimed_until INTEGER;

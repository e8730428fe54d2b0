-- Delivery machinery of the call-event source (docs/crm/delivery.md). Portable H2 2.x / PostgreSQL.

-- When the delivery last entered PENDING (claimed from the feed, or replayed): the age limit
-- (maxAge) of a subscription counts from here, so a replayed delivery gets a fresh age.
ALTER TABLE feed_deliveries ADD COLUMN queued_at TIMESTAMP WITH TIME ZONE;
UPDATE feed_deliveries SET queued_at = created_at;

-- How many times an operator replayed the delivery (POST /api/v1/deliveries/.../replay).
ALTER TABLE feed_deliveries ADD COLUMN replays INTEGER DEFAULT 0 NOT NULL;

-- Per-call ordering (an earlier PENDING delivery of the same call holds back the later ones)
-- and replay of one call.
CREATE INDEX feed_deliveries_call ON feed_deliveries (subscription, call_id, feed_seq);

-- The deliveries API lists by status and time.
CREATE INDEX feed_deliveries_status_created ON feed_deliveries (status, created_at);

-- The due query of the call-event source (JdbcCallFeed.due) walks a subscription's PENDING
-- deliveries in (next_attempt_at, feed_seq) order and stops at its batch size: with feed_seq in
-- the index it needs no sort over the whole backlog. Replaces the 3-column index of V1.
-- Portable H2 2.x / PostgreSQL.
DROP INDEX feed_deliveries_due;
CREATE INDEX feed_deliveries_due ON feed_deliveries (subscription, status, next_attempt_at, feed_seq);

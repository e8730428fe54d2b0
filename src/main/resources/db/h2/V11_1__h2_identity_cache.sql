-- H2 only (spring.flyway.locations adds classpath:db/{vendor}): hand out identity values in blocks
-- of 1,000. H2 writes an identity sequence's state in a commit of its own each time its cache (32)
-- runs out, and with WRITE_DELAY=0 that is a file write: a profile of the inbox processor showed
-- 56 % of inserting an event spent there. A crash may skip up to 1,000 ids per table (gaps are
-- harmless: ids only order rows). Not for PostgreSQL, where a cache is per connection and ids
-- would no longer follow insertion order across pooled connections.
ALTER TABLE inbox ALTER COLUMN id SET CACHE 1000;
ALTER TABLE events ALTER COLUMN id SET CACHE 1000;
ALTER TABLE call_feed ALTER COLUMN seq SET CACHE 1000;
ALTER TABLE feed_deliveries ALTER COLUMN id SET CACHE 1000;
ALTER TABLE pms_room_events ALTER COLUMN seq SET CACHE 1000;

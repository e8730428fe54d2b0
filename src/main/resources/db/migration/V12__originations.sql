-- Click-to-calls the hub asked a vendor to place, so the unconfirmed-call sweep reads only these
-- instead of every RINGING call (with 10,000 calls in progress that sweep checked the events of
-- each of them every 10 s). A row is written with the ORIGINATE event and forgotten by the sweep
-- once its call has a vendor event or has ended.
CREATE TABLE originations (
    call_id       VARCHAR(36) PRIMARY KEY,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX originations_requested ON originations (requested_at);

-- Click-to-calls made before this migration that may still be waiting for their vendor.
INSERT INTO originations (call_id, requested_at)
    SELECT e.call_id, MIN(e.occurred_at) FROM events e JOIN calls c ON c.id = e.call_id
    WHERE e.kind = 'ORIGINATE' AND c.state = 'RINGING'
    GROUP BY e.call_id;

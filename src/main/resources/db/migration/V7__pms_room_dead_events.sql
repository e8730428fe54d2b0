-- Room events a subscription gave up on (maxAttempts reached): kept here instead of being lost, listed
-- by GET /api/v1/admin/pms/room-events/dead and redelivered by POST .../replay (docs/pms/fias.md).
-- Portable between H2 2.x and PostgreSQL 12+.
CREATE TABLE pms_room_dead_events (
    subscription  VARCHAR(128) NOT NULL,
    seq           BIGINT       NOT NULL,             -- the event in pms_room_events
    event_type    VARCHAR(32)  NOT NULL,
    room          VARCHAR(16),
    status        VARCHAR(16)  NOT NULL,             -- DEAD, REPLAY (asked for), DELIVERED (replayed)
    attempts      INTEGER      NOT NULL,             -- every failed attempt, replays included
    last_error    VARCHAR(1024),
    dead_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscription, seq)
);
CREATE INDEX pms_room_dead_events_status ON pms_room_dead_events (status, subscription);

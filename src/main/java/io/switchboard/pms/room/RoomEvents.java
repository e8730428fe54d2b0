package io.switchboard.pms.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.switchboard.call.CanonicalJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The append-only room-event log ({@code pms_room_events}) and the cursors of the routes reading
 * it ({@code pms_room_subscriptions}).
 */
@Repository
public class RoomEvents {

    /** A subscription's position and the retry state of the event at its cursor. */
    public record Subscription(String name, long cursor, int attempts, Instant nextAttemptAt) {}

    private final NamedParameterJdbcTemplate jdbc;

    RoomEvents(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event; returns it with its sequence number. */
    public RoomEvent append(RoomEvent event) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO pms_room_events (event_type, room, extension, payload, occurred_at) VALUES (:type,"
                        + " :room, :ext, :payload, :at)",
                new MapSqlParameterSource("type", event.type().name())
                        .addValue("room", event.room())
                        .addValue("ext", event.extension())
                        .addValue("payload", CanonicalJson.write(event))
                        .addValue("at", utc(event.occurredAt())),
                keys, new String[] {"seq"});
        long seq = keys.getKey().longValue();
        return event.withSeq(seq);
    }

    /** Events after {@code cursor}, oldest first. */
    public List<RoomEvent> after(long cursor, int limit) {
        return jdbc.query("SELECT seq, payload FROM pms_room_events WHERE seq > :cursor ORDER BY seq FETCH FIRST :limit"
                        + " ROWS ONLY",
                new MapSqlParameterSource("cursor", cursor).addValue("limit", limit),
                (rs, n) -> read(rs.getString(2)).withSeq(rs.getLong(1)));
    }

    /** The subscription; a new one starts at the current end of the log (it receives events from now on). */
    public Subscription subscription(String name, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("name", name);
        Optional<Subscription> found = jdbc.query("SELECT name, cursor_seq, attempts, next_attempt_at FROM"
                        + " pms_room_subscriptions WHERE name = :name", p,
                        (rs, n) -> new Subscription(rs.getString(1), rs.getLong(2), rs.getInt(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant()))
                .stream()
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        long end = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM pms_room_events", p, Long.class);
        jdbc.update("INSERT INTO pms_room_subscriptions (name, cursor_seq, attempts, next_attempt_at, updated_at) VALUES"
                + " (:name, :seq, 0, :now, :now)", p.addValue("seq", end).addValue("now", utc(now)));
        return new Subscription(name, end, 0, now);
    }

    /** The event at {@code seq} is done (delivered, filtered out or given up): move past it. */
    public void advance(String name, long seq, String error, Instant now) {
        jdbc.update("UPDATE pms_room_subscriptions SET cursor_seq = :seq, attempts = 0, next_attempt_at = :now,"
                        + " last_error = COALESCE(:error, last_error), updated_at = :now WHERE name = :name",
                new MapSqlParameterSource("name", name)
                        .addValue("seq", seq)
                        .addValue("error", error)
                        .addValue("now", utc(now)));
    }

    /** Delivery of the event after the cursor failed: try again at {@code next}. */
    public void failed(String name, int attempts, Instant next, String error, Instant now) {
        jdbc.update("UPDATE pms_room_subscriptions SET attempts = :attempts, next_attempt_at = :next, last_error = :error,"
                        + " updated_at = :now WHERE name = :name",
                new MapSqlParameterSource("name", name)
                        .addValue("attempts", attempts)
                        .addValue("next", utc(next))
                        .addValue("error", error == null ? null : error.substring(0, Math.min(1000, error.length())))
                        .addValue("now", utc(now)));
    }

    // --- events a subscription gave up on (pms_room_dead_events) -------------------------------------

    /** A room event a subscription gave up on; {@code status} DEAD, REPLAY (asked for) or DELIVERED. */
    public record DeadEvent(String subscription, long seq, String type, String room, String status, int attempts,
            String lastError, Instant deadAt, Instant updatedAt) {}

    /** What asking for a replay did. */
    public enum ReplayRequest {
        QUEUED,
        UNKNOWN,
        NOT_DEAD
    }

    /** The subscription gave up on {@code event}: it is kept as DEAD (listed, replayable), never lost. */
    public void dead(String name, RoomEvent event, int attempts, String error, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("name", name)
                .addValue("seq", event.seq())
                .addValue("type", event.type().name())
                .addValue("room", event.room())
                .addValue("attempts", attempts)
                .addValue("error", truncate(error))
                .addValue("now", utc(now));
        int updated = jdbc.update("UPDATE pms_room_dead_events SET status = 'DEAD', attempts = attempts + :attempts,"
                + " last_error = :error, updated_at = :now WHERE subscription = :name AND seq = :seq", p);
        if (updated == 0) {
            jdbc.update("INSERT INTO pms_room_dead_events (subscription, seq, event_type, room, status, attempts,"
                    + " last_error, dead_at, updated_at) VALUES (:name, :seq, :type, :room, 'DEAD', :attempts, :error,"
                    + " :now, :now)", p);
        }
    }

    /** Dead events, newest first; {@code status} null for all. */
    public List<DeadEvent> deadEvents(String subscription, String status, int limit) {
        return jdbc.query("SELECT subscription, seq, event_type, room, status, attempts, last_error, dead_at, updated_at"
                        + " FROM pms_room_dead_events WHERE 1 = 1" + (subscription == null ? "" : " AND subscription = :sub")
                        + (status == null ? "" : " AND status = :status")
                        + " ORDER BY dead_at DESC, seq DESC FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("sub", subscription).addValue("status", status).addValue("limit", limit),
                (rs, n) -> new DeadEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                        rs.getObject(9, OffsetDateTime.class).toInstant()));
    }

    /** Asks for a dead event to be delivered again (once) by its subscription's next poll. */
    public ReplayRequest requestReplay(String name, long seq, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("name", name).addValue("seq", seq).addValue("now", utc(now));
        if (jdbc.update("UPDATE pms_room_dead_events SET status = 'REPLAY', updated_at = :now WHERE subscription = :name"
                + " AND seq = :seq AND status = 'DEAD'", p) == 1) {
            return ReplayRequest.QUEUED;
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM pms_room_dead_events WHERE subscription = :name"
                + " AND seq = :seq", p, Integer.class);
        return known != null && known > 0 ? ReplayRequest.NOT_DEAD : ReplayRequest.UNKNOWN;
    }

    /** The dead events of {@code name} waiting for their replay, oldest first. */
    public List<RoomEvent> replays(String name, int limit) {
        return jdbc.query("SELECT e.seq, e.payload FROM pms_room_dead_events d JOIN pms_room_events e ON e.seq = d.seq"
                        + " WHERE d.subscription = :name AND d.status = 'REPLAY' ORDER BY e.seq FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("name", name).addValue("limit", limit),
                (rs, n) -> read(rs.getString(2)).withSeq(rs.getLong(1)));
    }

    /** A replayed dead event was delivered. */
    public void replayed(String name, long seq, Instant now) {
        jdbc.update("UPDATE pms_room_dead_events SET status = 'DELIVERED', updated_at = :now WHERE subscription = :name"
                        + " AND seq = :seq",
                new MapSqlParameterSource("name", name).addValue("seq", seq).addValue("now", utc(now)));
    }

    private static String truncate(String error) {
        return error == null ? null : error.substring(0, Math.min(1000, error.length()));
    }

    private static RoomEvent read(String json) {
        try {
            return CanonicalJson.MAPPER.readValue(json, RoomEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable room event in the journal", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

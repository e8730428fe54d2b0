package io.switchboard.feed;

import io.switchboard.call.CallState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link CallFeed} on the journal tables {@code call_feed}, {@code feed_subscriptions}, {@code feed_deliveries}. */
@Repository
class JdbcCallFeed implements CallFeed {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcCallFeed(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public int claim(String subscription, Filter filter, int limit) {
        Integer created = tx.execute(status -> claimInTransaction(subscription, filter, limit));
        return created == null ? 0 : created;
    }

    private int claimInTransaction(String subscription, Filter filter, int limit) {
        long cursor = cursor(subscription);
        MapSqlParameterSource p = new MapSqlParameterSource("cursor", cursor).addValue("limit", limit);
        List<Change> changes = jdbc.query(
                "SELECT f.seq, f.call_id, f.state, f.previous_state, c.line, c.vendor FROM call_feed f"
                        + " JOIN calls c ON c.id = f.call_id WHERE f.seq > :cursor ORDER BY f.seq FETCH FIRST :limit ROWS ONLY",
                p,
                (rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
        if (changes.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        int created = 0;
        for (Change change : changes) {
            if (change.matches(filter)) {
                jdbc.update(
                        "INSERT INTO feed_deliveries (subscription, feed_seq, call_id, status, attempts, next_attempt_at,"
                                + " created_at, updated_at) VALUES (:sub, :seq, :call, 'PENDING', 0, :now, :now, :now)",
                        new MapSqlParameterSource("sub", subscription)
                                .addValue("seq", change.seq())
                                .addValue("call", change.callId())
                                .addValue("now", now.atOffset(ZoneOffset.UTC)));
                created++;
            }
        }
        jdbc.update(
                "UPDATE feed_subscriptions SET cursor_seq = :seq, updated_at = :now WHERE name = :sub",
                new MapSqlParameterSource("seq", changes.get(changes.size() - 1).seq())
                        .addValue("now", now.atOffset(ZoneOffset.UTC))
                        .addValue("sub", subscription));
        return created;
    }

    /** The subscription's cursor; a new subscription is created at the current end of the feed. */
    private long cursor(String subscription) {
        MapSqlParameterSource p = new MapSqlParameterSource("sub", subscription);
        List<Long> cursor = jdbc.queryForList("SELECT cursor_seq FROM feed_subscriptions WHERE name = :sub", p, Long.class);
        if (!cursor.isEmpty()) {
            return cursor.get(0);
        }
        long end = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM call_feed", p, Long.class);
        jdbc.update(
                "INSERT INTO feed_subscriptions (name, cursor_seq, updated_at) VALUES (:sub, :seq, :now)",
                p.addValue("seq", end).addValue("now", Instant.now().atOffset(ZoneOffset.UTC)));
        return end;
    }

    private record Change(long seq, String callId, String state, String previousState, String line, String vendor) {

        boolean matches(Filter f) {
            boolean stateChanged = !state.equals(previousState);
            return (stateChanged || f.includeUpdates())
                    && in(f.states(), CallState.valueOf(state))
                    && in(f.lines(), line)
                    && in(f.vendors(), vendor);
        }

        private static <T> boolean in(Set<T> allowed, T value) {
            return allowed.isEmpty() || allowed.contains(value);
        }
    }

    @Override
    public List<Delivery> due(String subscription, Instant now, int limit) {
        return jdbc.query(
                "SELECT d.id, d.feed_seq, d.call_id, f.state, d.attempts FROM feed_deliveries d JOIN call_feed f ON"
                        + " f.seq = d.feed_seq WHERE d.subscription = :sub AND d.status = 'PENDING' AND"
                        + " d.next_attempt_at <= :now ORDER BY d.feed_seq FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("sub", subscription)
                        .addValue("now", now.atOffset(ZoneOffset.UTC))
                        .addValue("limit", limit),
                (rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), CallState.valueOf(rs.getString(4)),
                        rs.getInt(5)));
    }

    @Override
    public void delivered(long deliveryId, Instant now) {
        jdbc.update(
                "UPDATE feed_deliveries SET status = 'DELIVERED', attempts = attempts + 1, last_error = NULL,"
                        + " updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", deliveryId).addValue("now", now.atOffset(ZoneOffset.UTC)));
    }

    @Override
    public void failed(long deliveryId, int attempts, Instant nextAttempt, boolean dead, String error, Instant now) {
        jdbc.update(
                "UPDATE feed_deliveries SET status = :status, attempts = :attempts, next_attempt_at = :next,"
                        + " last_error = :error, updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", deliveryId)
                        .addValue("status", dead ? "DEAD" : "PENDING")
                        .addValue("attempts", attempts)
                        .addValue("next", nextAttempt.atOffset(ZoneOffset.UTC))
                        .addValue("error", error == null ? null : error.substring(0, Math.min(1000, error.length())))
                        .addValue("now", now.atOffset(ZoneOffset.UTC)));
    }
}

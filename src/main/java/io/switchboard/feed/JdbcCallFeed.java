package io.switchboard.feed;

import io.switchboard.call.CallState;
import io.switchboard.journal.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link CallFeed} on the journal tables {@code call_feed}, {@code feed_subscriptions}, {@code feed_deliveries}. */
@Repository
class JdbcCallFeed implements CallFeed {

    private static final String RECORD_COLUMNS = "d.id, d.subscription, d.call_id, d.feed_seq, f.state, d.status,"
            + " d.attempts, d.replays, d.next_attempt_at, d.last_error, d.created_at, d.updated_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    private final String dueSql;

    JdbcCallFeed(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dueSql = dueSql(isH2(jdbc));
    }

    private static boolean isH2(NamedParameterJdbcTemplate jdbc) {
        String product = jdbc.getJdbcTemplate().execute(
                (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return "H2".equalsIgnoreCase(product);
    }

    @Override
    public int claim(String subscription, Filter filter, int limit) {
        Integer created = tx.execute(status -> claimInTransaction(subscription, filter, limit));
        return created == null ? 0 : created;
    }

    /**
     * Reads the next changes without joining {@code calls}: the state filter needs only the feed
     * row, and the call's vendor and line are looked up (one query for the batch) only for the
     * changes that pass it, and only when the filter asks for them. Every subscription reads every
     * change, so a join per change per subscription added up (nine shipped routes poll, most of
     * them gated off).
     */
    private int claimInTransaction(String subscription, Filter filter, int limit) {
        long cursor = cursor(subscription);
        MapSqlParameterSource p = new MapSqlParameterSource("cursor", cursor).addValue("limit", limit);
        List<Change> changes = jdbc.query(
                "SELECT seq, call_id, state, previous_state FROM call_feed WHERE seq > :cursor ORDER BY seq"
                        + " FETCH FIRST :limit ROWS ONLY",
                p,
                (rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        if (changes.isEmpty()) {
            return 0;
        }
        List<Change> candidates = changes.stream().filter(c -> c.passesState(filter)).toList();
        boolean needsCall = !filter.lines().isEmpty() || !filter.vendors().isEmpty();
        Map<String, String[]> lineAndVendor = needsCall && !candidates.isEmpty() ? lineAndVendor(candidates) : Map.of();
        OffsetDateTime now = ts(Instant.now());
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Change change : candidates) {
            if (needsCall) {
                String[] call = lineAndVendor.get(change.callId());
                if (call == null || !in(filter.lines(), call[0]) || !in(filter.vendors(), call[1])) {
                    continue;
                }
            }
            rows.add(new MapSqlParameterSource("sub", subscription)
                    .addValue("seq", change.seq())
                    .addValue("call", change.callId())
                    .addValue("now", now));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO feed_deliveries (subscription, feed_seq, call_id, status, attempts, next_attempt_at,"
                            + " created_at, updated_at, queued_at) VALUES (:sub, :seq, :call, 'PENDING', 0, :now, :now,"
                            + " :now, :now)",
                    rows.toArray(SqlParameterSource[]::new));
        }
        jdbc.update(
                "UPDATE feed_subscriptions SET cursor_seq = :seq, updated_at = :now WHERE name = :sub",
                new MapSqlParameterSource("seq", changes.get(changes.size() - 1).seq())
                        .addValue("now", now)
                        .addValue("sub", subscription));
        return rows.size();
    }

    /** Line and vendor of the changes' calls, by call id (calls no longer in the journal are absent). */
    private Map<String, String[]> lineAndVendor(List<Change> changes) {
        Map<String, String[]> calls = new HashMap<>();
        List<String> ids = changes.stream().map(Change::callId).distinct().toList();
        jdbc.query("SELECT id, line, vendor FROM calls WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids),
                rs -> {
                    calls.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return calls;
    }

    private static <T> boolean in(Set<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
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
                p.addValue("seq", end).addValue("now", ts(Instant.now())));
        return end;
    }

    private record Change(long seq, String callId, String state, String previousState) {

        /** The part of the filter the feed row alone answers: state, and whether the state changed. */
        boolean passesState(Filter f) {
            boolean stateChanged = !state.equals(previousState);
            return (stateChanged || f.includeUpdates()) && in(f.states(), CallState.valueOf(state));
        }
    }

    /**
     * Walks the index {@code feed_deliveries_due} (subscription, status, next_attempt_at, feed_seq)
     * from its oldest due entry and stops at {@code limit}: no sort, no scan of the whole backlog.
     * Only the earliest PENDING change of each call is taken (the ordering check skips a delivery
     * while an earlier change of its call is PENDING, due or not): a call's next change comes with
     * the next poll, once this one is settled.
     *
     * <p>On H2 the indexes are named: its planner picks them from column statistics, and on a new
     * journal (no statistics yet) it ran the ordering check on the (subscription, feed_seq) index,
     * reading every earlier delivery of the subscription for each due one. PostgreSQL plans from
     * its own statistics and takes no hints.
     */
    static String dueSql(boolean h2) {
        return "SELECT d.id, d.feed_seq, d.call_id, f.state, d.attempts, COALESCE(d.queued_at, d.created_at)"
                + " FROM feed_deliveries d" + (h2 ? " USE INDEX (feed_deliveries_due)" : "")
                + " JOIN call_feed f ON f.seq = d.feed_seq"
                + " WHERE d.subscription = :sub AND d.status = 'PENDING' AND d.next_attempt_at <= :now"
                + " AND NOT EXISTS (SELECT 1 FROM feed_deliveries e" + (h2 ? " USE INDEX (feed_deliveries_call)" : "")
                + " WHERE e.subscription = d.subscription AND e.call_id = d.call_id AND e.feed_seq < d.feed_seq"
                + " AND e.status = 'PENDING')"
                // The constant leading columns too: H2 walks an index in ORDER BY order only when the
                // ORDER BY starts with the index's first column.
                + " ORDER BY d.subscription, d.status, d.next_attempt_at, d.feed_seq FETCH FIRST :limit ROWS ONLY";
    }

    @Override
    public List<Delivery> due(String subscription, Instant now, int limit) {
        return jdbc.query(
                dueSql,
                new MapSqlParameterSource("sub", subscription)
                        .addValue("now", ts(now))
                        .addValue("limit", limit),
                (rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), CallState.valueOf(rs.getString(4)),
                        rs.getInt(5), instant(rs, 6)));
    }

    @Override
    public void settle(Collection<Outcome> outcomes) {
        List<SqlParameterSource> delivered = new ArrayList<>();
        List<SqlParameterSource> failed = new ArrayList<>();
        for (Outcome o : outcomes) {
            MapSqlParameterSource p = new MapSqlParameterSource("id", o.deliveryId())
                    .addValue("attempts", o.attempts())
                    .addValue("now", ts(o.at()));
            if (o.status() == DeliveryStatus.DELIVERED) {
                delivered.add(p);
            } else {
                failed.add(p.addValue("status", o.status().name())
                        .addValue("next", ts(o.nextAttempt()))
                        .addValue("error", o.error() == null ? null : o.error().substring(0, Math.min(1000, o.error().length()))));
            }
        }
        if (delivered.isEmpty() && failed.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            if (!delivered.isEmpty()) {
                jdbc.batchUpdate("UPDATE feed_deliveries SET status = 'DELIVERED', attempts = :attempts, last_error = NULL,"
                        + " updated_at = :now WHERE id = :id", delivered.toArray(SqlParameterSource[]::new));
            }
            if (!failed.isEmpty()) {
                jdbc.batchUpdate("UPDATE feed_deliveries SET status = :status, attempts = :attempts, next_attempt_at = :next,"
                        + " last_error = :error, updated_at = :now WHERE id = :id", failed.toArray(SqlParameterSource[]::new));
            }
        });
    }

    @Override
    public Page<DeliveryRecord> search(DeliveryQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (q.status() != null) {
            where.append(" AND d.status = :status");
            p.addValue("status", q.status().name());
        }
        if (q.subscription() != null) {
            where.append(" AND d.subscription = :sub");
            p.addValue("sub", q.subscription());
        }
        if (q.callId() != null) {
            where.append(" AND d.call_id = :call");
            p.addValue("call", q.callId());
        }
        if (q.since() != null) {
            where.append(" AND d.created_at >= :since");
            p.addValue("since", ts(q.since()));
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM feed_deliveries d" + where, p, Long.class);
        p.addValue("offset", q.offset()).addValue("limit", q.limit());
        List<DeliveryRecord> items = jdbc.query(
                "SELECT " + RECORD_COLUMNS + " FROM feed_deliveries d JOIN call_feed f ON f.seq = d.feed_seq" + where
                        + " ORDER BY d.id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                p,
                RECORD);
        return new Page<>(items, total, q.offset(), q.limit());
    }

    @Override
    public Optional<DeliveryRecord> find(long deliveryId) {
        return jdbc.query(
                        "SELECT " + RECORD_COLUMNS + " FROM feed_deliveries d JOIN call_feed f ON f.seq = d.feed_seq"
                                + " WHERE d.id = :id",
                        new MapSqlParameterSource("id", deliveryId),
                        RECORD)
                .stream()
                .findFirst();
    }

    private static final String REQUEUE = "UPDATE feed_deliveries SET status = 'PENDING', attempts = 0,"
            + " next_attempt_at = :now, queued_at = :now, replays = replays + 1, updated_at = :now";

    @Override
    public boolean replay(long deliveryId, Instant now) {
        return jdbc.update(REQUEUE + " WHERE id = :id", new MapSqlParameterSource("id", deliveryId).addValue("now", ts(now)))
                == 1;
    }

    @Override
    public int replay(ReplaySelection s, Instant now) {
        if (s.statuses().isEmpty()) {
            return 0;
        }
        StringBuilder where = new StringBuilder(" WHERE subscription = :sub AND status IN (:statuses)");
        MapSqlParameterSource p = new MapSqlParameterSource("sub", s.subscription())
                .addValue("statuses", s.statuses().stream().map(Enum::name).toList())
                .addValue("now", ts(now));
        if (s.callId() != null) {
            where.append(" AND call_id = :call");
            p.addValue("call", s.callId());
        }
        if (s.since() != null) {
            where.append(" AND created_at >= :since");
            p.addValue("since", ts(s.since()));
        }
        return jdbc.update(REQUEUE + where, p);
    }

    private static final RowMapper<DeliveryRecord> RECORD = (rs, n) -> new DeliveryRecord(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getLong(4),
            CallState.valueOf(rs.getString(5)),
            DeliveryStatus.valueOf(rs.getString(6)),
            rs.getInt(7),
            rs.getInt(8),
            instant(rs, 9),
            rs.getString(10),
            instant(rs, 11),
            instant(rs, 12));

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

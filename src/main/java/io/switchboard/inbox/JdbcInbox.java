package io.switchboard.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.InboundRequest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@link Inbox} on the journal database. */
@Repository
class JdbcInbox implements Inbox {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcInbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = CanonicalJson.MAPPER;
        this.clock = clock;
    }

    @Override
    public List<Long> appendAll(List<InboundRequest> requests) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(
                connection -> connection.prepareStatement(
                        "INSERT INTO inbox (vendor, source_id, method, query_string, content_type, headers, body,"
                                + " received_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')",
                        new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        InboundRequest r = requests.get(i);
                        ps.setString(1, r.vendor());
                        ps.setString(2, r.sourceId());
                        ps.setString(3, r.method());
                        ps.setString(4, r.queryString());
                        ps.setString(5, r.contentType());
                        ps.setString(6, headersJson(r.headers()));
                        ps.setBytes(7, r.body());
                        ps.setObject(8, r.receivedAt().atOffset(ZoneOffset.UTC));
                    }

                    @Override
                    public int getBatchSize() {
                        return requests.size();
                    }
                },
                keys);
        List<Long> ids = keys.getKeyList().stream()
                .map(row -> ((Number) row.values().iterator().next()).longValue())
                .toList();
        if (ids.size() != requests.size()) {
            throw new IllegalStateException("inbox insert returned " + ids.size() + " ids for " + requests.size() + " rows");
        }
        return ids;
    }

    /**
     * Answered from the index (status, id) alone: no stored request is read. {@code ORDER BY
     * status, id} (status is fixed, so the same order as by id) names the index's own order: with
     * {@code ORDER BY id} H2 read every pending id and sorted them, spilling to a temporary file,
     * for each batch of a large backlog.
     */
    @Override
    public List<Long> pendingIds(int limit) {
        return jdbc.queryForList(
                "SELECT id FROM inbox WHERE status = 'PENDING' ORDER BY status, id FETCH FIRST ? ROWS ONLY", Long.class, limit);
    }

    @Override
    public List<InboundRequest> requests(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query(
                "SELECT * FROM inbox WHERE id IN (:ids) ORDER BY id",
                new MapSqlParameterSource("ids", ids),
                (rs, n) -> new InboundRequest(
                        rs.getString("vendor"),
                        rs.getString("source_id"),
                        rs.getString("method"),
                        rs.getString("query_string"),
                        rs.getString("content_type"),
                        rs.getBytes("body"),
                        headersOf(rs.getString("headers")),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("id")));
    }

    @Override
    public void markDone(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        named.update(
                "UPDATE inbox SET status = 'DONE', processed_at = :now WHERE id IN (:ids)",
                new MapSqlParameterSource("ids", ids).addValue("now", clock.instant().atOffset(ZoneOffset.UTC)));
    }

    @Override
    public void markFailed(long id, String reason) {
        jdbc.update(
                "UPDATE inbox SET status = 'FAILED', error = ?, processed_at = ? WHERE id = ?",
                reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                clock.instant().atOffset(ZoneOffset.UTC),
                id);
    }

    @Override
    public long countPending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'", Long.class);
    }

    private String headersJson(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headersOf(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt inbox headers", e);
        }
    }
}

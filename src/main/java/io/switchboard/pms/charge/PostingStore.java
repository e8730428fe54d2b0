package io.switchboard.pms.charge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Postings in the journal ({@code pms_postings}) and the persisted FIAS sequence P# ({@code pms_sequences}). */
@Repository
public class PostingStore {

    private static final String COLUMNS = "id, call_id, target, room, extension, reservation, posting_type, amount,"
            + " currency, duration_seconds, dialled_digits, destination, call_started_at, sequence, status,"
            + " answer_status, attempts";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;

    PostingStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Stores a new posting; false when this call already has one for the target (a redelivered call). */
    public boolean insert(Posting p, Instant now) {
        try {
            jdbc.update("INSERT INTO pms_postings (" + COLUMNS + ", created_at, updated_at) VALUES (:id, :call, :target,"
                            + " :room, :ext, :res, :type, :amount, :currency, :duration, :digits, :destination, :started,"
                            + " NULL, 'PENDING', NULL, 0, :now, :now)",
                    new MapSqlParameterSource("id", p.id())
                            .addValue("call", p.callId())
                            .addValue("target", p.target())
                            .addValue("room", p.room())
                            .addValue("ext", p.extension())
                            .addValue("res", p.reservation())
                            .addValue("type", p.postingType())
                            .addValue("amount", p.amount())
                            .addValue("currency", p.currency())
                            .addValue("duration", p.durationSeconds())
                            .addValue("digits", p.dialledDigits())
                            .addValue("destination", p.destination())
                            .addValue("started", utc(p.callStartedAt()))
                            .addValue("now", utc(now)));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The oldest posting of {@code target} still to send: PENDING, or SENT without an answer. */
    public Optional<Posting> next(String target) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pms_postings WHERE target = :target AND status IN ('PENDING', 'SENT')"
                                + " ORDER BY created_at, id FETCH FIRST 1 ROWS ONLY",
                        new MapSqlParameterSource("target", target), PostingStore::row)
                .stream()
                .findFirst();
    }

    /** Postings of {@code target} due for a (re)send, oldest first. */
    public List<Posting> unsettled(String target, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pms_postings WHERE target = :target AND status IN ('PENDING', 'SENT')"
                        + " ORDER BY created_at, id FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("target", target).addValue("limit", limit), PostingStore::row);
    }

    public Optional<Posting> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pms_postings WHERE id = :id", new MapSqlParameterSource("id", id),
                        PostingStore::row)
                .stream()
                .findFirst();
    }

    /** The SENT posting carrying this P#, if any (a PA arriving after the link was re-established). */
    public Optional<Posting> sentWithSequence(String target, long sequence) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pms_postings WHERE target = :target AND status = 'SENT'"
                                + " AND sequence = :seq",
                        new MapSqlParameterSource("target", target).addValue("seq", sequence), PostingStore::row)
                .stream()
                .findFirst();
    }

    /**
     * Gives the posting the next FIAS P# (1..99999999, wrapping to 1), in one transaction with the
     * counter, so a restart never reuses a number.
     */
    public long assignSequence(String id) {
        Long assigned = tx.execute(status -> {
            MapSqlParameterSource p = new MapSqlParameterSource("name", "fias-posting").addValue("id", id);
            jdbc.update("UPDATE pms_sequences SET last_value = CASE WHEN last_value >= 99999999 THEN 1"
                    + " ELSE last_value + 1 END WHERE name = :name", p);
            long value = jdbc.queryForObject("SELECT last_value FROM pms_sequences WHERE name = :name", p, Long.class);
            jdbc.update("UPDATE pms_postings SET sequence = :seq WHERE id = :id", p.addValue("seq", value));
            return value;
        });
        return assigned;
    }

    public void sent(String id, Instant now) {
        jdbc.update("UPDATE pms_postings SET status = 'SENT', attempts = attempts + 1, updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("now", utc(now)));
    }

    /** Final answer: DONE or REJECTED with the PMS's status; only a posting still unsettled changes. */
    public boolean answered(String id, Posting.Status status, String answer, Instant now) {
        return jdbc.update("UPDATE pms_postings SET status = :status, answer_status = :answer, last_error = NULL,"
                        + " updated_at = :now WHERE id = :id AND status IN ('PENDING', 'SENT')",
                new MapSqlParameterSource("id", id)
                        .addValue("status", status.name())
                        .addValue("answer", truncate(answer, 32))
                        .addValue("now", utc(now))) == 1;
    }

    /**
     * Final refusal by a REST PMS (no reservation, no folio, 4xx): REJECTED with its reason, in one
     * write, so no reader sees a rejected posting without the reason. Counts as an attempt.
     */
    public boolean rejected(String id, String reason, Instant now) {
        return jdbc.update("UPDATE pms_postings SET status = 'REJECTED', answer_status = 'REJECTED', last_error = :error,"
                        + " attempts = attempts + 1, updated_at = :now WHERE id = :id AND status IN ('PENDING', 'SENT')",
                new MapSqlParameterSource("id", id)
                        .addValue("error", truncate(reason, 1024))
                        .addValue("now", utc(now))) == 1;
    }

    /** A failed attempt that will be retried (REST PMS unreachable, rate limited …). */
    public void attemptFailed(String id, String error, Instant now) {
        jdbc.update("UPDATE pms_postings SET attempts = attempts + 1, last_error = :error, updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("error", truncate(error, 1024)).addValue("now", utc(now)));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Posting row(ResultSet rs, int n) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        long sequence = rs.getLong("sequence");
        return new Posting(
                rs.getString("id"),
                rs.getString("call_id"),
                rs.getString("target"),
                rs.getString("room"),
                rs.getString("extension"),
                rs.getString("reservation"),
                rs.getString("posting_type"),
                amount,
                rs.getString("currency"),
                rs.getLong("duration_seconds"),
                rs.getString("dialled_digits"),
                rs.getString("destination"),
                rs.getObject("call_started_at", OffsetDateTime.class).toInstant(),
                sequence == 0 ? null : sequence, // P# is never 0
                Posting.Status.valueOf(rs.getString("status")),
                rs.getString("answer_status"),
                rs.getInt("attempts"));
    }
}

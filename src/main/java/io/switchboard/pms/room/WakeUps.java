package io.switchboard.pms.room;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Wake-up calls requested by the PMS (WR) and their single final result (WA). The hub cannot ring
 * a phone itself: a route receives WAKE_UP_SET from the room source, rings the room through its
 * PBX or vendor, and reports OK / BY / NR here ({@code bean:pmsWakeUps?method=report(…)} or
 * {@code POST /api/v1/pms/wake-ups/{id}/result}). Without a report in time the hub answers NR. The
 * first result wins; the WA is stored and sent when the link is up.
 */
@Repository("pmsWakeUps")
public class WakeUps {

    /** WA AS values: answered, busy, no reply. */
    public static final Set<String> RESULTS = Set.of("OK", "BY", "NR");

    private static final Logger LOG = LoggerFactory.getLogger(WakeUps.class);

    /** One wake-up and, once answered, its result. */
    public record WakeUp(long id, String room, String extension, String date, String time, Instant dueAt, String status,
            String result) {}

    /** Published when a result is recorded, so the link sends its WA at once. */
    public record Answered(long id) {}

    /** What {@link #report} did. */
    public enum Outcome {
        RECORDED,
        UNKNOWN,
        ALREADY_FINAL
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    WakeUps(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public long request(String room, String extension, String date, String time, Instant dueAt, Instant now) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("INSERT INTO pms_wakeups (room, extension, wake_date, wake_time, due_at, status, answer_sent,"
                        + " requested_at) VALUES (:room, :ext, :date, :time, :due, 'PENDING', FALSE, :now)",
                new MapSqlParameterSource("room", room)
                        .addValue("ext", extension)
                        .addValue("date", date)
                        .addValue("time", time)
                        .addValue("due", utc(dueAt))
                        .addValue("now", utc(now)),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** WC: clears the room's pending wake-ups at that time (every pending one when {@code time} is null). */
    public List<Long> clear(String room, String time) {
        MapSqlParameterSource p = new MapSqlParameterSource("room", room).addValue("time", time);
        String where = " WHERE room = :room AND status = 'PENDING'" + (time == null ? "" : " AND wake_time = :time");
        List<Long> ids = jdbc.queryForList("SELECT id FROM pms_wakeups" + where, p, Long.class);
        jdbc.update("UPDATE pms_wakeups SET status = 'CLEARED'" + where, p);
        return ids;
    }

    /**
     * Records the one final result of a wake-up (OK answered, BY busy, NR no reply). Only the first
     * report counts: a second one, or one for a cleared wake-up, changes nothing.
     *
     * @throws IllegalArgumentException when {@code result} is not OK, BY or NR
     */
    public Outcome report(long id, String result) {
        if (result == null || !RESULTS.contains(result)) {
            throw new IllegalArgumentException("a wake-up result is OK, BY or NR, got " + result);
        }
        int updated = jdbc.update("UPDATE pms_wakeups SET status = 'ANSWERED', result = :result, answered_at = :now"
                        + " WHERE id = :id AND status = 'PENDING'",
                new MapSqlParameterSource("id", id).addValue("result", result).addValue("now", utc(Instant.now())));
        if (updated == 1) {
            LOG.info("Wake-up {}: result {}", id, result);
            events.publishEvent(new Answered(id));
            return Outcome.RECORDED;
        }
        return find(id).isPresent() ? Outcome.ALREADY_FINAL : Outcome.UNKNOWN;
    }

    /** Camel-friendly form: {@code bean:pmsWakeUps?method=reportResult(${header.SwitchboardWakeUpId}, OK)}. */
    public String reportResult(long id, String result) {
        return report(id, result).name();
    }

    /** Answers NR for every pending wake-up due more than {@code timeout} ago; returns how many. */
    public int expire(Instant now, java.time.Duration timeout) {
        List<Long> overdue = jdbc.queryForList("SELECT id FROM pms_wakeups WHERE status = 'PENDING' AND due_at < :limit",
                new MapSqlParameterSource("limit", utc(now.minus(timeout))), Long.class);
        overdue.forEach(id -> {
            if (report(id, "NR") == Outcome.RECORDED) {
                LOG.warn("Wake-up {}: no result reported within {} of its time, answering NR", id, timeout);
            }
        });
        return overdue.size();
    }

    public Optional<WakeUp> find(long id) {
        return jdbc.query("SELECT id, room, extension, wake_date, wake_time, due_at, status, result FROM pms_wakeups"
                        + " WHERE id = :id", new MapSqlParameterSource("id", id), WakeUps::row)
                .stream()
                .findFirst();
    }

    /** Answered wake-ups whose WA has not been sent to the PMS yet. */
    public List<WakeUp> unsentAnswers() {
        return jdbc.query("SELECT id, room, extension, wake_date, wake_time, due_at, status, result FROM pms_wakeups"
                + " WHERE status = 'ANSWERED' AND answer_sent = FALSE ORDER BY answered_at, id", WakeUps::row);
    }

    public void answerSent(long id) {
        jdbc.update("UPDATE pms_wakeups SET answer_sent = TRUE WHERE id = :id", new MapSqlParameterSource("id", id));
    }

    private static WakeUp row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new WakeUp(rs.getLong("id"), rs.getString("room"), rs.getString("extension"), rs.getString("wake_date"),
                rs.getString("wake_time"), rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getString("status"),
                rs.getString("result"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

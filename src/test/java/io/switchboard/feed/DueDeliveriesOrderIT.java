package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.HubIntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which PENDING deliveries {@link CallFeed#due} hands out, on the real journal: longest due first,
 * then feed order; only the earliest PENDING change of a call; held-back changes do not take the
 * batch's room. And {@link CallFeed#settle} records a mixed batch in one go.
 */
class DueDeliveriesOrderIT extends HubIntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    CallFeed feed;

    @Autowired
    JdbcTemplate jdbc;

    private final String subscription = "due-order-" + UUID.randomUUID();

    /** A feed entry and this subscription's PENDING delivery of it, next attempt {@code secondsFromNow}. */
    private long pending(String callId, long secondsFromNow) {
        jdbc.update("INSERT INTO call_feed (call_id, state, previous_state, changed_at) VALUES (?, 'ENDED', 'ANSWERED', ?)",
                callId, Timestamp.from(NOW));
        long seq = jdbc.queryForObject("SELECT MAX(seq) FROM call_feed WHERE call_id = ?", Long.class, callId);
        Timestamp at = Timestamp.from(NOW);
        jdbc.update("INSERT INTO feed_deliveries (subscription, feed_seq, call_id, status, attempts, next_attempt_at,"
                        + " created_at, updated_at, queued_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)",
                subscription, seq, callId, Timestamp.from(NOW.plusSeconds(secondsFromNow)), at, at, at);
        return jdbc.queryForObject("SELECT id FROM feed_deliveries WHERE subscription = ? AND feed_seq = ?", Long.class,
                subscription, seq);
    }

    private static String call() {
        return UUID.randomUUID().toString();
    }

    private List<Long> due(int limit) {
        return feed.due(subscription, NOW, limit).stream().map(CallFeed.Delivery::id).toList();
    }

    @Test
    void longestDueFirstThenFeedOrderAndNothingNotYetDue() {
        long a = pending(call(), -2);
        long b = pending(call(), -2);
        long c = pending(call(), -3);
        pending(call(), 30);

        assertThat(due(10)).containsExactly(c, a, b);
        assertThat(due(2)).containsExactly(c, a);
    }

    @Test
    void aLaterChangeWaitsWhileAnEarlierChangeOfItsCallAwaitsItsRetry() {
        String x = call();
        pending(x, 60); // failed, retried in a minute
        long later = pending(x, -5);
        long other = pending(call(), -1);

        assertThat(due(10)).containsExactly(other).doesNotContain(later);
    }

    @Test
    void whenBothAreDueTheEarlierChangeGoesAloneEvenIfItBecameDueLater() {
        String x = call();
        long earlier = pending(x, -1); // its retry just came due
        long later = pending(x, -10); // claimed while the earlier one waited

        assertThat(due(1)).containsExactly(earlier);
        assertThat(due(10)).containsExactly(earlier).doesNotContain(later);
    }

    @Test
    void aChangeWaitsForEveryEarlierPendingChangeOfItsCall() {
        // RINGING failed and its retry came due after ANSWERED was claimed but before ENDED was.
        String x = call();
        long ringing = pending(x, -5);
        long answered = pending(x, -8);
        long ended = pending(x, -2);

        assertThat(due(10)).containsExactly(ringing).doesNotContain(answered, ended);
    }

    @Test
    void heldBackChangesDoNotTakeTheRoomOfOtherCalls() {
        String x = call();
        pending(x, 600);
        for (int i = 0; i < 5; i++) {
            pending(x, -60); // at the head of the walk, all held back
        }
        long a = pending(call(), -2);
        long b = pending(call(), -1);

        assertThat(due(2)).containsExactly(a, b);
    }

    @Test
    void settleRecordsDeliveredRetriedAndDeadInOneBatch() {
        long delivered = pending(call(), -3);
        long retried = pending(call(), -2);
        long dead = pending(call(), -1);
        Instant next = NOW.plusSeconds(30);

        feed.settle(List.of(
                CallFeed.Outcome.delivered(delivered, 1, NOW),
                CallFeed.Outcome.failed(retried, 1, next, false, "HTTP 503 from http://crm/calls", NOW),
                CallFeed.Outcome.failed(dead, 1, NOW, true, "not retryable: HTTP 400", NOW)));

        Map<String, Object> d = row(delivered);
        assertThat(d).containsEntry("STATUS", "DELIVERED").containsEntry("ATTEMPTS", 1);
        assertThat(d.get("LAST_ERROR")).isNull();
        Map<String, Object> r = row(retried);
        assertThat(r).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1)
                .containsEntry("LAST_ERROR", "HTTP 503 from http://crm/calls");
        assertThat(feed.find(retried).orElseThrow().nextAttemptAt()).isEqualTo(next);
        assertThat(row(dead)).containsEntry("STATUS", "DEAD").containsEntry("LAST_ERROR", "not retryable: HTTP 400");
        assertThat(due(10)).isEmpty();
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, attempts, last_error FROM feed_deliveries WHERE id = ?", id);
    }
}

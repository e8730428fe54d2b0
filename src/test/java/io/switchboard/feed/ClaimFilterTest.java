package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.CallState;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import io.switchboard.journal.CallJournal;
import io.switchboard.journal.TestJournals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which changes a subscription claims: by state (and whether the state changed), by the call's
 * line and by its vendor. Real H2 journal and feed; calls written through the journal.
 */
class ClaimFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private DataSource ds;
    private CallJournal journal;
    private TransactionTemplate tx;
    private JdbcCallFeed feed;
    private long inbox;

    @BeforeEach
    void journalWithCalls() {
        ds = TestJournals.h2();
        journal = TestJournals.journal(ds, Clock.systemUTC());
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        feed = new JdbcCallFeed(new NamedParameterJdbcTemplate(ds), tx);
        // Subscriptions start at the end of the feed: create them before the calls.
        for (String name : List.of("all", "ended", "keyyo-ended", "line-ended", "nobody")) {
            feed.claim(name, filter(Set.of(), Set.of(), Set.of(), false), 100);
        }
        call("keyyo", "k-1", "+33100000001", true);
        call("telphin", "t-1", "+74950000001", true);
        call("keyyo", "k-2", "+33100000002", false);
    }

    /** A call that rings, then ends if {@code ends}. */
    private void call(String vendor, String id, String line, boolean ends) {
        record(event(vendor, id, line, "ring", EventKind.RING, 0));
        if (ends) {
            record(event(vendor, id, line, "hangup", EventKind.HANGUP, 30));
        }
    }

    private void record(CallEvent e) {
        tx.executeWithoutResult(s -> journal.record(++inbox, List.of(e)));
    }

    private static CallEvent event(String vendor, String id, String line, String type, EventKind kind, int second) {
        return CallEvent.builder(vendor, type, kind, T0.plusSeconds(second))
                .eventKey(id + ":" + type)
                .vendorCallId(id)
                .line(line)
                .direction(Direction.INBOUND)
                .from(Party.number("0600000000", "+33600000000"))
                .to(Party.number(line, line))
                .build();
    }

    private static CallFeed.Filter filter(Set<CallState> states, Set<String> lines, Set<String> vendors, boolean updates) {
        return new CallFeed.Filter(states, lines, vendors, updates);
    }

    private List<String> claimed(String subscription, CallFeed.Filter filter) {
        feed.claim(subscription, filter, 100);
        return new JdbcTemplate(ds).queryForList(
                "SELECT c.vendor_call_id || ':' || f.state FROM feed_deliveries d JOIN call_feed f ON f.seq = d.feed_seq"
                        + " JOIN calls c ON c.id = d.call_id WHERE d.subscription = ? ORDER BY d.feed_seq",
                String.class,
                subscription);
    }

    @Test
    void withoutFilterEveryStateChangeIsClaimed() {
        assertThat(claimed("all", filter(Set.of(), Set.of(), Set.of(), false)))
                .containsExactly("k-1:RINGING", "k-1:ENDED", "t-1:RINGING", "t-1:ENDED", "k-2:RINGING");
    }

    @Test
    void statesLinesAndVendorsNarrowIt() {
        Set<CallState> ended = Set.of(CallState.ENDED);
        assertThat(claimed("ended", filter(ended, Set.of(), Set.of(), false))).containsExactly("k-1:ENDED", "t-1:ENDED");
        assertThat(claimed("keyyo-ended", filter(ended, Set.of(), Set.of("keyyo"), false))).containsExactly("k-1:ENDED");
        assertThat(claimed("line-ended", filter(ended, Set.of("+74950000001"), Set.of(), false)))
                .containsExactly("t-1:ENDED");
        assertThat(claimed("nobody", filter(ended, Set.of(), Set.of("disabled"), false))).isEmpty();
    }

    @Test
    void theCursorMovesPastChangesNoFilterMatched() {
        CallFeed.Filter nobody = filter(Set.of(), Set.of(), Set.of("disabled"), false);
        assertThat(claimed("nobody", nobody)).isEmpty();
        call("keyyo", "k-3", "+33100000003", true);

        assertThat(feed.claim("nobody", nobody, 100)).isZero();
        assertThat(new JdbcTemplate(ds).queryForObject(
                        "SELECT cursor_seq FROM feed_subscriptions WHERE name = 'nobody'", Long.class))
                .isEqualTo(new JdbcTemplate(ds).queryForObject("SELECT MAX(seq) FROM call_feed", Long.class));
    }
}

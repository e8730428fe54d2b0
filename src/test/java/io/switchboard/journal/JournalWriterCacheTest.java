package io.switchboard.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.Call;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal writer keeps the calls it wrote recently (row and events) instead of reading them
 * back. What it writes must be exactly what reading them back would have produced: after a
 * rollback, and for a writer that has never seen the call (fresh cache). Real H2 journals.
 */
class JournalWriterCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
    private final AtomicLong inboxIds = new AtomicLong();

    private static CallEvent event(String callref, String type, EventKind kind, int second) {
        return CallEvent.builder("keyyo", type, kind, T0.plusSeconds(second))
                .source("keyyo-paris")
                .eventKey(callref + ":" + type)
                .vendorCallId(callref)
                .line("+33123456789")
                .direction(Direction.INBOUND)
                .from(Party.number("33698765432", "+33698765432"))
                .to(Party.number("33123456789", "+33123456789"))
                .build();
    }

    private void record(CallJournal journal, TransactionTemplate tx, CallEvent e) {
        tx.executeWithoutResult(s -> journal.record(inboxIds.incrementAndGet(), List.of(e)));
    }

    private static String onlyCallId(DataSource ds) {
        return new JdbcTemplate(ds).queryForObject("SELECT id FROM calls", String.class);
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNotPartOfTheCallWrittenNext() {
        DataSource ds = TestJournals.h2();
        CallJournal journal = TestJournals.journal(ds, clock);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        record(journal, tx, event("ref-1", "SETUP", EventKind.RING, 0));

        tx.executeWithoutResult(s -> {
            journal.record(inboxIds.incrementAndGet(), List.of(event("ref-1", "CONNECT", EventKind.ANSWER, 5)));
            s.setRollbackOnly();
        });
        record(journal, tx, event("ref-1", "RELEASE", EventKind.HANGUP, 30));

        Call call = journal.findCall(onlyCallId(ds)).orElseThrow();
        assertThat(call.events()).extracting(e -> e.vendorEventType()).containsExactly("SETUP", "RELEASE");
        assertThat(call.answeredAt()).as("the rolled-back CONNECT").isNull();
        assertThat(call.outcome()).isEqualTo(Outcome.MISSED);
        assertThat(call.ringSeconds()).isEqualTo(30);
    }

    @Test
    void aWriterThatKeptTheCallWritesWhatAWriterReadingTheTablesWrites() {
        List<CallEvent> events = List.of(
                event("ref-2", "SETUP", EventKind.RING, 0),
                event("ref-2", "CONNECT", EventKind.ANSWER, 7),
                event("ref-2", "SETUP", EventKind.RING, 0).toBuilder().eventKey("ref-2:SETUP-again").build(),
                event("ref-2", "RELEASE", EventKind.HANGUP, 67));

        DataSource kept = TestJournals.h2();
        CallJournal keeping = TestJournals.journal(kept, clock);
        TransactionTemplate keptTx = new TransactionTemplate(new DataSourceTransactionManager(kept));
        events.forEach(e -> record(keeping, keptTx, e));

        DataSource read = TestJournals.h2();
        TransactionTemplate readTx = new TransactionTemplate(new DataSourceTransactionManager(read));
        // A new writer for every event: nothing kept, every call row and event read from the tables.
        events.forEach(e -> record(TestJournals.journal(read, clock), readTx, e));

        Call fromKept = keeping.findCall(onlyCallId(kept)).orElseThrow();
        Call fromRead = TestJournals.journal(read, clock).findCall(onlyCallId(read)).orElseThrow();
        assertThat(fromKept.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(fromKept.talkSeconds()).isEqualTo(60);
        assertThat(fromKept).usingRecursiveComparison()
                .ignoringFields("id", "events")
                .isEqualTo(fromRead);
        assertThat(fromKept.events()).hasSameSizeAs(fromRead.events()).hasSize(4);
        assertThat(feed(kept)).as("one feed entry per change of the call").isEqualTo(feed(read))
                .containsExactly("RINGING", "ANSWERED", "ENDED");
    }

    @Test
    void anEventIsUsedAsItIsWhenItsJsonReadsBackTheSame() throws Exception {
        CallEvent full = event("ref-3", "CONNECT", EventKind.ANSWER, 9).toBuilder()
                .legId("leg-1")
                .linkedIds(List.of("ref-0", "ref-9"))
                .agent("201")
                .outcomeHint(Outcome.ANSWERED)
                .startedAtHint(T0.plusNanos(123_456_789))
                .answeredAtHint(T0.plusSeconds(9))
                .recordingUrl("https://rec.example/1.mp3")
                .from(new Party("", "+33698765432", false))
                .attributes(java.util.Map.of("empty", "", "redirecting", "33611111111"))
                .build();
        String json = io.switchboard.call.CanonicalJson.write(full);

        assertThat(io.switchboard.call.CanonicalJson.MAPPER.readValue(json, CallEvent.class)).isEqualTo(full);
        assertThat(JdbcCallJournal.asStored(full, json)).isSameAs(full);
    }

    @Test
    void anEventWithAnEmptyStringIsReadBackFromItsJson() {
        CallEvent base = event("ref-4", "CONNECT", EventKind.ANSWER, 9);
        CallEvent withEmptyAgent = new CallEvent(base.vendor(), base.source(), base.eventKey(), base.vendorEventType(),
                base.kind(), base.occurredAt(), base.vendorCallId(), base.legId(), base.linkedIds(), base.line(),
                base.direction(), base.from(), base.to(), "", null, null, null, null, base.attributes());

        CallEvent stored = JdbcCallJournal.asStored(withEmptyAgent, io.switchboard.call.CanonicalJson.write(withEmptyAgent));

        assertThat(stored.agent()).as("left out of the JSON, so null when read back").isNull();
        assertThat(stored).isEqualTo(base);
    }

    private static List<String> feed(DataSource ds) {
        return new JdbcTemplate(ds).queryForList("SELECT state FROM call_feed ORDER BY seq", String.class);
    }
}

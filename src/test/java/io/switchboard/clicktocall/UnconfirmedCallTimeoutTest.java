package io.switchboard.clicktocall;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.Call;
import io.switchboard.call.CallEvent;
import io.switchboard.call.CallState;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import io.switchboard.journal.CallJournal;
import io.switchboard.journal.JournalWriteLock;
import io.switchboard.journal.TestJournals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A click-to-call no vendor event confirms ends FAILED once the timeout passed, with a journaled
 * {@code hub:originate-timeout} event; one the vendor confirmed is left alone. Real H2 journal, a
 * clock the test moves (no sleeping).
 */
class UnconfirmedCallTimeoutTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock(T0);
    private final List<Call> announced = new CopyOnWriteArrayList<>();
    private CallJournal journal;
    private TransactionTemplate tx;
    private UnconfirmedCallTimeout timeout;
    private DataSource ds;

    @BeforeEach
    void journal() {
        ds = TestJournals.h2();
        journal = TestJournals.journal(ds, clock, announced::add);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        timeout = new UnconfirmedCallTimeout(journal, new JournalWriteLock(), tx, clock,
                new ClickToCallProperties(Duration.ofSeconds(120), Duration.ofSeconds(10)));
    }

    private String originate(String id, String vendorCallId, Instant at) {
        CallEvent event = CallEvent.builder("telphin", ClickToCallService.ORIGINATE_TYPE, EventKind.ORIGINATE, at)
                .source("telphin-demo")
                .eventKey("originate:" + id)
                .vendorCallId(vendorCallId)
                .line("000*099")
                .direction(Direction.OUTBOUND)
                .from(new Party("000*099", "000*099", true))
                .to(Party.number("+79031112233", "+79031112233"))
                .build();
        return tx.execute(s -> journal.originate(id, event, Set.of()));
    }

    private void vendorRing(String vendorCallId, Instant at) {
        CallEvent ring = CallEvent.builder("telphin", "dial-out", EventKind.RING, at)
                .source("telphin-demo")
                .vendorCallId(vendorCallId)
                .line("000*099")
                .direction(Direction.OUTBOUND)
                .build();
        tx.execute(s -> journal.record(1L, List.of(ring)));
    }

    private Call call(String id) {
        return journal.findCall(id).orElseThrow();
    }

    @Test
    void aRequestedCallWithoutVendorEventsEndsFailedOnceTheTimeoutPassed() {
        String id = originate("c2c-1", "TEL1", T0);

        clock.set(T0.plusSeconds(119));
        assertThat(timeout.endExpired()).isZero();
        assertThat(call(id).state()).isEqualTo(CallState.RINGING);

        clock.set(T0.plusSeconds(121));
        announced.clear();
        assertThat(timeout.endExpired()).isEqualTo(1);

        Call ended = call(id);
        assertThat(ended.state()).isEqualTo(CallState.ENDED);
        assertThat(ended.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(ended.endedAt()).isEqualTo(T0.plusSeconds(121));
        assertThat(ended.events()).hasSize(2);
        CallEvent why = ended.events().get(1).event();
        assertThat(why.vendorEventType()).isEqualTo(UnconfirmedCallTimeout.TIMEOUT_TYPE);
        assertThat(why.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(why.attributes()).containsEntry("timeout", "PT2M")
                .containsEntry("requestedAt", T0.toString());
        assertThat(why.attributes().get("reason")).contains("no event from telphin within 120 s");
        assertThat(announced).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
        });
    }

    @Test
    void aCallTheVendorConfirmedIsLeftAlone() {
        String confirmed = originate("c2c-2", "TEL2", T0);
        vendorRing("TEL2", T0.plusSeconds(3));
        String silent = originate("c2c-3", "TEL3", T0.plusSeconds(5));

        clock.set(T0.plusSeconds(300));
        assertThat(timeout.endExpired()).isEqualTo(1);

        assertThat(call(confirmed).state()).isEqualTo(CallState.RINGING);
        assertThat(call(silent).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void sweepingAgainChangesNothing() {
        String id = originate("c2c-4", "TEL4", T0);
        clock.set(T0.plusSeconds(121));
        assertThat(timeout.endExpired()).isEqualTo(1);

        clock.set(T0.plusSeconds(500));
        assertThat(timeout.endExpired()).isZero();
        assertThat(call(id).events()).hasSize(2);
    }

    @Test
    void theSweepWatchesOnlyClickToCallsStillWaitingForTheirVendor() {
        String confirmed = originate("c2c-6", "TEL6", T0);
        vendorRing("TEL6", T0.plusSeconds(2));
        String silent = originate("c2c-7", "TEL7", T0.plusSeconds(1));
        String recent = originate("c2c-8", "TEL8", T0.plusSeconds(200));
        vendorRing("OTHER-CALL", T0.plusSeconds(3)); // a vendor's own call in progress: never watched
        assertThat(watched()).containsExactlyInAnyOrder(confirmed, silent, recent);

        clock.set(T0.plusSeconds(250));
        assertThat(timeout.endExpired()).isEqualTo(1);

        assertThat(call(silent).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(call(confirmed).state()).isEqualTo(CallState.RINGING);
        assertThat(watched()).as("confirmed and timed-out calls are forgotten; the recent one is still watched")
                .containsExactly(recent);
    }

    private List<String> watched() {
        return new org.springframework.jdbc.core.JdbcTemplate(ds).queryForList("SELECT call_id FROM originations", String.class);
    }

    @Test
    void aZeroTimeoutTurnsItOff() {
        UnconfirmedCallTimeout off = new UnconfirmedCallTimeout(journal, new JournalWriteLock(), tx, clock,
                new ClickToCallProperties(Duration.ZERO, Duration.ofSeconds(10)));
        String id = originate("c2c-5", "TEL5", T0);
        clock.set(T0.plusSeconds(10_000));

        assertThat(off.endExpired()).isZero();
        assertThat(call(id).state()).isEqualTo(CallState.RINGING);
    }
}

package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.HubIntegrationTest;
import io.switchboard.pms.PmsProperties;
import io.switchboard.pms.RoomMapping;
import io.switchboard.pms.charge.Posting;
import io.switchboard.pms.charge.PostingStore;
import io.switchboard.pms.fias.FiasPmsSimulator.PostingReply;
import io.switchboard.pms.room.RoomEvents;
import io.switchboard.pms.room.RoomIndex;
import io.switchboard.pms.room.WakeUps;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PMS never answers a PS with its PA. The connector's documented behaviour
 * (docs/pms/fias.md, "Posting answer timeout"): after {@code posting-answer-timeout} (at least
 * 30 s) it drops the link, reconnects, redoes the handshake and resends the same PS with the same
 * P#; the posting stays SENT meanwhile and the postings behind it wait. When the PMS answers again
 * the posting is settled, and the PMS has booked it exactly once.
 *
 * <p>A real connector over real TCP against the simulator, on the hub's journal (H2); its clock is
 * moved forward instead of waiting the timeout out.
 */
class FiasPostingAnswerTimeoutIT extends HubIntegrationTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    PostingStore postings;

    @Autowired
    RoomIndex index;

    @Autowired
    RoomEvents events;

    @Autowired
    WakeUps wakeUps;

    private final ShiftedClock clock = new ShiftedClock();
    private FiasPmsSimulator pms;
    private FiasConnector connector;

    @BeforeEach
    void linkUp() {
        pms = FiasPmsSimulator.started();
        ZoneId zone = ZoneId.of("Europe/Paris");
        FiasInbound inbound = new FiasInbound(index, events, wakeUps,
                RoomMapping.of(new PmsProperties.Rooms(RoomMapping.Mode.SAME, "", Map.of())), zone, clock);
        connector = new FiasConnector(settings(pms.port()), inbound, postings, wakeUps, Duration.ofMinutes(10), zone, clock);
        connector.start();
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
    }

    @AfterEach
    void stop() {
        connector.stop();
        pms.close();
    }

    @Test
    void aPostingWhosePaNeverComesIsResentWithItsSequenceAfterEachTimeoutAndBookedOnce() {
        pms.replyToPostings(PostingReply.bookWithoutAnswer(), PostingReply.none()); // then the default: OK
        Posting first = stored("7101", "4.20");
        postings.insert(first, clock.instant());
        connector.wakeUp(null);

        long sequence = Long.parseLong(pms.awaitReceived("PS", 1, WAIT).get(0).value("P#").orElseThrow());
        await().atMost(WAIT).until(() -> postings.find(first.id()).orElseThrow().status() == Posting.Status.SENT);

        // Given a second posting stored meanwhile: it waits behind the one in flight
        Posting second = stored("7102", "1.10");
        postings.insert(second, clock.instant());
        connector.wakeUp(null);

        // Before the timeout nothing is resent and the link is kept
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> pms.received("PS").size() == 1 && pms.connections() == 1);

        // First timeout: the link is re-established and the same PS resent with its P#
        clock.advance(ANSWER_TIMEOUT);
        await().atMost(WAIT).until(() -> psWithSequence(sequence) == 2
                && postings.find(first.id()).orElseThrow().attempts() == 2);
        assertThat(pms.connections()).isEqualTo(2);
        assertThat(pms.handshakes()).isEqualTo(2);
        Posting pending = postings.find(first.id()).orElseThrow();
        assertThat(pending.status()).isEqualTo(Posting.Status.SENT);
        assertThat(pending.sequence()).isEqualTo(sequence);
        assertThat(pending.attempts()).isEqualTo(2);
        assertThat(pms.received("PS")).hasSize(2); // the second posting still waits

        // Second timeout: resent again; this time the PMS answers (it recognises the P# it booked)
        clock.advance(ANSWER_TIMEOUT);
        await().atMost(WAIT).until(() -> postings.find(first.id()).orElseThrow().status() == Posting.Status.DONE);
        assertThat(psWithSequence(sequence)).isEqualTo(3);
        assertThat(postings.find(first.id()).orElseThrow().answerStatus()).isEqualTo("OK");
        assertThat(pms.booked().stream().filter(p -> p.sequence() == sequence)).hasSize(1);
        assertThat(pms.duplicatePostings()).contains(sequence);

        // Then the posting behind it goes out, once, with the next P#
        await().atMost(WAIT).until(() -> postings.find(second.id()).orElseThrow().status() == Posting.Status.DONE);
        assertThat(psWithSequence(sequence + 1)).isEqualTo(1);
        assertThat(pms.booked().stream().filter(p -> p.room().equals("7102"))).hasSize(1);
        assertThat(pms.protocolErrors()).isEmpty();
        assertThat(connector.postingsSettled()).isEqualTo(2);
    }

    private long psWithSequence(long sequence) {
        return pms.received("PS").stream()
                .filter(r -> r.value("P#").orElse("").equals(Long.toString(sequence)))
                .count();
    }

    private static Posting stored(String room, String amount) {
        String callId = UUID.randomUUID().toString();
        return new Posting(Posting.idFor(callId), callId, "fias", room, room, null, "C", new BigDecimal(amount), "EUR", 60,
                "0033612345678", "France mobile", Instant.now(), null, Posting.Status.PENDING, null, 0);
    }

    private static PmsProperties.Fias settings(int port) {
        return new PmsProperties.Fias(true, "127.0.0.1", port, "IBM850", 2, "1.0", null, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofMinutes(10), "LS", Duration.ofSeconds(30), Duration.ofMillis(50),
                Duration.ofMillis(200), ANSWER_TIMEOUT, false, 4096);
    }

    /** The system clock plus an offset the test moves forward. */
    private static final class ShiftedClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void advance(Duration by) {
            offset.updateAndGet(d -> d.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
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
}

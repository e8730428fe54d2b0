package io.switchboard.pms.charge;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.Call;
import io.switchboard.call.CallState;
import io.switchboard.call.Direction;
import io.switchboard.call.Outcome;
import io.switchboard.pms.PmsProperties;
import io.switchboard.pms.RoomMapping;
import io.switchboard.pms.room.Guest;
import io.switchboard.pms.room.RoomIndex;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which ended calls become postings, and what the posting holds (PT C and PT T). */
class CallChargesDecisionTest {

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    /** Room 781 (extension 2781 with prefix "2") has a guest; every other room is empty. */
    private final RoomIndex index = new RoomIndex(null) {
        @Override
        public List<Guest> guests(String room) {
            return room.equals("781") ? List.of(new Guest("781", "4711", "2781", "Müller", "GE", false, START)) : List.of();
        }
    };

    private CallCharges charges(String postingType) {
        PmsProperties pms = new PmsProperties("Europe/Paris",
                new PmsProperties.Rooms(RoomMapping.Mode.PREFIX, "2", Map.of()),
                new PmsProperties.Charges(true, "fias", postingType, "config/tariffs.yaml", true),
                new PmsProperties.WakeUps(Duration.ofMinutes(10)),
                new PmsProperties.Fias(false, "127.0.0.1", 5010, "IBM850", 2, "1.0", Map.of(), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofMinutes(2), "LS", Duration.ofSeconds(30), Duration.ofSeconds(1),
                        Duration.ofSeconds(60), Duration.ofSeconds(60), false, 4096),
                new PmsProperties.Apaleo(false, "", "", "", "", "Other", "Normal", "Phone call {destination}"));
        return new CallCharges(pms, index, null, event -> {});
    }

    private static Call call(Direction direction, String from, String to, Long talkSeconds) {
        return new Call("c-1", "telphin", "telphin-demo", "v-1", from, direction, from, to, CallState.ENDED,
                talkSeconds == null ? Outcome.NO_ANSWER : Outcome.ANSWERED, START, START.plusSeconds(5),
                START.plusSeconds(5 + (talkSeconds == null ? 0 : talkSeconds)), 5L, talkSeconds, null, null, List.of(),
                List.of());
    }

    @Test
    void anAnsweredCallFromAnOccupiedRoomIsPricedWithTheTariff() {
        Posting p = charges("C").decide(call(Direction.OUTBOUND, "2781", "+33612345678", 125L)).orElseThrow();

        assertThat(p.id()).isEqualTo("call-c-1");
        assertThat(p.room()).isEqualTo("781");
        assertThat(p.extension()).isEqualTo("2781");
        assertThat(p.reservation()).isEqualTo("4711");
        assertThat(p.postingType()).isEqualTo("C");
        assertThat(p.amount()).isEqualByComparingTo(new BigDecimal("1.35"));
        assertThat(p.currency()).isEqualTo("EUR");
        assertThat(p.destination()).isEqualTo("France mobile");
        assertThat(p.durationSeconds()).isEqualTo(125);
        assertThat(p.dialledDigits()).isEqualTo("0033612345678");
        assertThat(p.callStartedAt()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void aPmsPricedPostingCarriesDurationAndDigitsButNoAmount() {
        Posting p = charges("T").decide(call(Direction.OUTBOUND, "2781", "+4989920920", 30L)).orElseThrow();

        assertThat(p.postingType()).isEqualTo("T");
        assertThat(p.amount()).isNull();
        assertThat(p.destination()).isNull();
        assertThat(p.durationSeconds()).isEqualTo(30);
        assertThat(p.dialledDigits()).isEqualTo("004989920920");
    }

    @Test
    void callsThatCostTheGuestNothingMakeNoPosting() {
        CallCharges c = charges("C");
        CallCharges t = charges("T");

        assertThat(c.decide(call(Direction.INBOUND, "2781", "+33612345678", 60L))).as("inbound").isEmpty();
        assertThat(c.decide(call(Direction.INTERNAL, "2781", "2782", 60L))).as("internal").isEmpty();
        assertThat(t.decide(call(Direction.OUTBOUND, "2781", "3000", 60L))).as("extension, PT T").isEmpty();
        assertThat(c.decide(call(Direction.OUTBOUND, "2781", "112", 60L))).as("emergency").isEmpty();
        assertThat(t.decide(call(Direction.OUTBOUND, "2781", "+33800123456", 60L))).as("toll-free, PT T").isEmpty();
        assertThat(c.decide(call(Direction.OUTBOUND, "2781", "+33612345678", null))).as("not answered").isEmpty();
        assertThat(c.decide(call(Direction.OUTBOUND, "2782", "+33612345678", 60L))).as("no guest").isEmpty();
        assertThat(c.decide(call(Direction.OUTBOUND, "3781", "+33612345678", 60L))).as("not a room").isEmpty();
        assertThat(c.decide(call(Direction.OUTBOUND, "+33123456789", "+33612345678", 60L))).as("not an extension")
                .isEmpty();
    }

    @Test
    void theRoomIsFoundFromTheLineOrAgentWhenFromIsNotARoomPhone() {
        Call viaLine = new Call("c-2", "keyyo", "k", "v-2", "2781", Direction.OUTBOUND, "+33123456789", "+33612345678",
                CallState.ENDED, Outcome.ANSWERED, START, START, START.plusSeconds(60), 0L, 60L, null, null, List.of(),
                List.of());

        Optional<Posting> p = charges("C").decide(viaLine);

        assertThat(p).map(Posting::room).contains("781");
    }
}

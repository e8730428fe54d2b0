package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EventType → EventKind (any case); CallFlow, when present, decides the direction. */
class TelphinEventTypeMappingTest {

    @ParameterizedTest
    @CsvSource({
        "dial-in,     RING,     INBOUND",
        "DIAL-IN,     RING,     INBOUND",
        "dial-out,    RING,     OUTBOUND",
        "Dial-Out,    RING,     OUTBOUND",
        "answer,      ANSWER,   ",
        "hangup,      HANGUP,   ",
        "HANGUP,      HANGUP,   ",
        "message-in,  NON_CALL, INBOUND",
        "message-out, NON_CALL, OUTBOUND"
    })
    void eventTypeGivesKindAndDirectionWithoutCallFlow(String type, EventKind kind, Direction direction) {
        CallEvent event = translate("EventType=" + type + "&CallID=c1&SubCallID=s1&EventTime=1732350000000000");

        assertThat(event.kind()).isEqualTo(kind);
        assertThat(event.direction()).isEqualTo(direction);
        assertThat(event.vendorEventType()).isEqualTo(type.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @CsvSource({
        "answer, in,  INBOUND",
        "answer, OUT, OUTBOUND",
        "hangup, In,  INBOUND",
        "hangup, out, OUTBOUND",
        "dial-in, out, OUTBOUND"
    })
    void callFlowDecidesTheDirection(String type, String flow, Direction direction) {
        CallEvent event = translate("EventType=" + type + "&CallID=c1&CallFlow=" + flow + "&EventTime=1732350000000000");

        assertThat(event.direction()).isEqualTo(direction);
    }

    @Test
    void withoutCallFlowALoneCalledExtensionMakesAHangupInbound() {
        CallEvent event = translate("EventType=hangup&CallID=c1&CalledExtension=000*101%40h&EventTime=1732350000000000");

        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
        assertThat(event.line()).isEqualTo("000*101");
    }

    @Test
    void withoutCallFlowALoneCallerExtensionMakesAHangupOutbound() {
        CallEvent event = translate("EventType=hangup&CallID=c1&CallerExtension=000*099%40h&EventTime=1732350000000000");

        assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(event.line()).isEqualTo("000*099");
    }

    @Test
    void lineFallsBackToAShortCalledNumber() {
        CallEvent event = translate("EventType=dial-in&CallID=c1&CalledNumber=101&CallerIDNum=%2B79161234567");

        assertThat(event.line()).isEqualTo("101");
        assertThat(event.agent()).isEqualTo("101");
    }

    private static CallEvent translate(String query) {
        return TelphinFixtures.translate(TelphinFixtures.get(query));
    }
}

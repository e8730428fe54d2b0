package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import org.junit.jupiter.api.Test;

/** message-in / message-out are stored but never make calls. */
class TelphinMessageEventTest {

    @Test
    void messageInIsNonCall() {
        CallEvent event = TelphinFixtures.event("message/01-message-in.query");

        assertThat(event.kind()).isEqualTo(EventKind.NON_CALL);
        assertThat(event.vendorEventType()).isEqualTo("message-in");
        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
        assertThat(event.line()).isEqualTo("000*101");
        assertThat(event.from().number()).isEqualTo("+79161234567");
        assertThat(event.outcomeHint()).isNull();
    }

    @Test
    void messageOutIsNonCallFromTheExtension() {
        CallEvent event = TelphinFixtures.translate(TelphinFixtures.get(
                "EventType=Message-Out&CallerIDNum=000*101&CallerExtension=000*101%40sipproxy.telphin.ru"
                        + "&CalledNumber=%2B79161234567&EventTime=1732356700000000"));

        assertThat(event.kind()).isEqualTo(EventKind.NON_CALL);
        assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(event.line()).isEqualTo("000*101");
        assertThat(event.to().number()).isEqualTo("+79161234567");
    }

    @Test
    void messageWithoutCallIdIsAcceptedWithoutKey() {
        CallEvent event = TelphinFixtures.translate(TelphinFixtures.get(
                "EventType=message-in&CallerIDNum=%2B79161234567&CalledNumber=000*101&EventTime=1732356700000000"));

        assertThat(event.vendorCallId()).isNull();
        assertThat(event.eventKey()).isNull();
    }
}

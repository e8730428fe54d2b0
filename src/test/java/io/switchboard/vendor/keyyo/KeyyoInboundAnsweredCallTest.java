package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notification;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyyoInboundAnsweredCallTest {

    @Test
    void setupIsARingingInboundLegWithEveryIdentifier() {
        CallEvent e = notification("inbound-answered/01-setup.query");

        assertThat(e.kind()).isEqualTo(EventKind.RING);
        assertThat(e.vendorEventType()).isEqualTo("SETUP");
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:15:02.123Z"));
        assertThat(e.vendorCallId()).isEqualTo("KY7A41C2E09B5D4F6E");
        assertThat(e.legId()).isEqualTo("5b1e0c7a9d2f4e6b8a0c1d3e5f7a9b2c");
        assertThat(e.linkedIds()).isEmpty();
        assertThat(e.line()).isEqualTo("+33172587948");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.from()).isEqualTo(Party.number("33612345678", "+33612345678"));
        assertThat(e.to()).isEqualTo(Party.number("33172587948", "+33172587948"));
        assertThat(e.agent()).isNull();
        assertThat(e.eventKey())
                .isEqualTo("+33172587948|KY7A41C2E09B5D4F6E|5b1e0c7a9d2f4e6b8a0c1d3e5f7a9b2c|SETUP|1736849702123");
        assertThat(e.attributes()).containsOnly(
                entry("callref", "KY7A41C2E09B5D4F6E"),
                entry("dref", "5b1e0c7a9d2f4e6b8a0c1d3e5f7a9b2c"),
                entry("isAcd", "0"),
                entry("version", "1"));
    }

    @Test
    void connectIsAnAnswerByTheLine() {
        CallEvent e = notification("inbound-answered/02-connect.query");

        assertThat(e.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:15:10.456Z"));
        assertThat(e.agent()).isEqualTo("+33172587948");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.legId()).isEqualTo("5b1e0c7a9d2f4e6b8a0c1d3e5f7a9b2c");
    }

    @Test
    void releaseIsAHangupWithoutOutcomeHint() {
        CallEvent e = notification("inbound-answered/03-release.query");

        assertThat(e.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(e.outcomeHint()).isNull();
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:16:35.789Z"));
    }

    @Test
    void theThreeNotificationsMakeOneAnsweredEndedCall() {
        HubSimulation hub = new HubSimulation().accept(notifications(
                "inbound-answered/03-release.query",
                "inbound-answered/01-setup.query",
                "inbound-answered/02-connect.query"));

        assertThat(hub.calls()).hasSize(1);
        HubSimulation.SimCall call = hub.calls().get(0);
        assertThat(call.answered()).isTrue();
        assertThat(call.ended()).isTrue();
        assertThat(call.direction()).isEqualTo(Direction.INBOUND);
        assertThat(call.agent()).isEqualTo("+33172587948");
        assertThat(call.endedAt()).isEqualTo(Instant.parse("2025-01-14T10:16:35.789Z"));
    }
}

package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import io.switchboard.call.Party;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallrInboundCallTranslationTest {

    @Test
    void inboundStartRingsTheDid() {
        CallEvent event = translate("inbound-answered/01-inbound-start.json");

        assertThat(event.vendor()).isEqualTo("callr");
        assertThat(event.source()).isEqualTo("callr-main");
        assertThat(event.vendorEventType()).isEqualTo("call.inbound_start");
        assertThat(event.kind()).isEqualTo(EventKind.RING);
        assertThat(event.eventKey()).isEqualTo("evt_01JPA4M2Q8ZC6T0V9R3K5N7B1D");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-14T09:30:02.118Z"));
        assertThat(event.vendorCallId()).isEqualTo("7004318123456789012");
        assertThat(event.legId()).isNull();
        assertThat(event.linkedIds()).isEmpty();
        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
        assertThat(event.line()).isEqualTo("+33184250000");
        assertThat(event.from()).isEqualTo(Party.number("+33612345678", "+33612345678"));
        assertThat(event.to()).isEqualTo(Party.number("+33184250000", "+33184250000"));
        assertThat(event.startedAtHint()).isEqualTo(Instant.parse("2025-03-14T09:30:02Z"));
        assertThat(event.answeredAtHint()).isNull();
        assertThat(event.outcomeHint()).isNull();
        assertThat(event.attributes())
                .containsEntry("scenario_name", "Accueil standard")
                .containsEntry("did_hash", "DID4QX7Z")
                .containsEntry("hook_hash", "HK7Q2ZPA")
                .doesNotContainKeys("duration", "hangupcause", "hangupsource", "cdr_field", "cli_name");
    }

    @Test
    void answeredInboundHangupCarriesTheCdrTimes() {
        CallEvent event = translate("inbound-answered/02-inbound-hangup.json");

        assertThat(event.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(event.vendorEventType()).isEqualTo("call.inbound_hangup");
        assertThat(event.eventKey()).isEqualTo("evt_01JPA4MF0H3W8Y2B6C4D9E1F5G");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-14T09:34:51.604Z"));
        assertThat(event.vendorCallId()).isEqualTo("7004318123456789012");
        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
        assertThat(event.line()).isEqualTo("+33184250000");
        assertThat(event.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(event.startedAtHint()).isEqualTo(Instant.parse("2025-03-14T09:30:02Z"));
        assertThat(event.answeredAtHint()).isEqualTo(Instant.parse("2025-03-14T09:30:09Z"));
        assertThat(event.attributes())
                .containsEntry("hangupsource", "CALLER")
                .containsEntry("hangupcause", "16")
                .containsEntry("duration", "289")
                .containsEntry("duration_answered", "282")
                .containsEntry("duration_billed", "300")
                .containsEntry("billing_customer_debit_eur", "1.20")
                .doesNotContainKey("dialstatus");
    }

    @Test
    void missedInboundHangupLeavesTheVerdictToTheHub() {
        CallEvent ring = translate("inbound-missed/01-inbound-start.json");
        CallEvent hangup = translate("inbound-missed/02-inbound-hangup.json");

        assertThat(ring.kind()).isEqualTo(EventKind.RING);
        assertThat(hangup.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(hangup.vendorCallId()).isEqualTo(ring.vendorCallId()).isEqualTo("7004318123456789544");
        assertThat(hangup.direction()).isEqualTo(Direction.INBOUND);
        assertThat(hangup.from().number()).isEqualTo("+33788990011");
        assertThat(hangup.outcomeHint()).as("MISSED is the hub's to compute").isNull();
        assertThat(hangup.answeredAtHint()).isNull();
        assertThat(hangup.startedAtHint()).isEqualTo(Instant.parse("2025-03-14T10:02:17Z"));
        assertThat(hangup.attributes()).containsEntry("duration_answered", "0").containsEntry("duration", "25");
    }
}

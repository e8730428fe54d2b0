package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.body;
import static io.switchboard.vendor.callr.CallrFixtures.sourceWithLines;
import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static io.switchboard.vendor.callr.CallrFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallrOutboundCallTranslationTest {

    @Test
    void outboundStartIsTheCliRinging() {
        CallEvent event = translate("outbound-busy/01-outbound-start.json");

        assertThat(event.kind()).isEqualTo(EventKind.RING);
        assertThat(event.vendorEventType()).isEqualTo("call.outbound_start");
        assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(event.vendorCallId()).isEqualTo("7004318123456790001");
        assertThat(event.legId()).as("callid_in 0 means no inbound call").isNull();
        assertThat(event.linkedIds()).isEmpty();
        assertThat(event.line()).isEqualTo("+33184250000");
        assertThat(event.from().number()).isEqualTo("+33184250000");
        assertThat(event.to().number()).isEqualTo("+33698765432");
        assertThat(event.startedAtHint()).isEqualTo(Instant.parse("2025-03-14T11:15:40Z"));
        assertThat(event.attributes()).containsEntry(CallrDialect.CDR_FIELD_ATTRIBUTE, "c2c4821");
    }

    @Test
    void busyOutboundHangup() {
        CallEvent event = translate("outbound-busy/02-outbound-hangup.json");

        assertThat(event.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-14T11:15:44.090Z"));
        assertThat(event.vendorCallId()).isEqualTo("7004318123456790001");
        assertThat(event.outcomeHint()).isEqualTo(Outcome.BUSY);
        assertThat(event.answeredAtHint()).isNull();
        assertThat(event.attributes())
                .containsEntry("dialstatus", "BUSY")
                .containsEntry("hangupsource", "CALLEE")
                .containsEntry("hangupcause", "17")
                .containsEntry("cdr_field", "c2c4821");
    }

    @Test
    void forwardedLegJoinsTheInboundCallThatCausedIt() {
        CallEvent inbound = translate("inbound-forwarded/01-inbound-start.json");
        CallEvent legStart = translate("inbound-forwarded/02-outbound-start.json");
        CallEvent legHangup = translate("inbound-forwarded/03-outbound-hangup.json");
        CallEvent inboundHangup = translate("inbound-forwarded/04-inbound-hangup.json");

        assertThat(inbound.vendorCallId()).isEqualTo("7004318123456791000");
        assertThat(inbound.legId()).isNull();
        for (CallEvent leg : new CallEvent[] {legStart, legHangup}) {
            assertThat(leg.vendorCallId()).isEqualTo("7004318123456791000");
            assertThat(leg.legId()).isEqualTo("7004318123456791007");
            assertThat(leg.linkedIds()).containsExactly("7004318123456791000");
            assertThat(leg.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(leg.to().number()).isEqualTo("+33755512345");
        }
        assertThat(legStart.kind()).isEqualTo(EventKind.RING);
        assertThat(legHangup.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(legHangup.outcomeHint()).isEqualTo(Outcome.ANSWERED);
        assertThat(legHangup.answeredAtHint()).isEqualTo(Instant.parse("2025-03-14T14:05:06Z"));
        assertThat(inboundHangup.vendorCallId()).isEqualTo("7004318123456791000");
        assertThat(inboundHangup.outcomeHint()).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void presentedCallerOfAForwardIsNotTheLineWhenTheSourceListsItsLines() {
        byte[] leg = body("inbound-forwarded/02-outbound-start.json");

        assertThat(translate(leg, sourceWithLines("01 84 25 00 01")).line()).isNull();
        assertThat(translate(leg, sourceWithLines("+33611223344")).line()).isEqualTo("+33611223344");
        assertThat(translate(body("outbound-busy/01-outbound-start.json"), sourceWithLines("0184250000")).line())
                .isEqualTo("+33184250000");
    }

    @Test
    void blockedCliIsNoLine() {
        ObjectNode tree = tree("outbound-busy/01-outbound-start.json");
        ((ObjectNode) tree.get("data")).put("cli_number", "BLOCKED");

        CallEvent event = translate(tree);

        assertThat(event.line()).isNull();
        assertThat(event.from().raw()).isEqualTo("BLOCKED");
    }

    @Test
    void cdrFieldNameIsAcceptedToo() {
        ObjectNode tree = tree("outbound-busy/01-outbound-start.json");
        ObjectNode data = (ObjectNode) tree.get("data");
        data.remove("customer_field");
        data.put("cdr_field", "c2c9000");

        assertThat(translate(tree).attributes()).containsEntry("cdr_field", "c2c9000");
    }
}

package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.RECEIVED_AT;
import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static io.switchboard.vendor.callr.CallrFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallrOccurredAtTest {

    @Test
    void eventAtWithANumericOffset() {
        ObjectNode tree = tree("inbound-answered/02-inbound-hangup.json");
        tree.put("event_at", "2025-03-14T09:34:51.604+00:00");

        assertThat(translate(tree).occurredAt()).isEqualTo(Instant.parse("2025-03-14T09:34:51.604Z"));
    }

    @Test
    void hangupWithoutEventAtUsesTheCdrHangupDate() {
        ObjectNode tree = tree("inbound-answered/02-inbound-hangup.json");
        tree.remove("event_at");

        assertThat(translate(tree).occurredAt()).isEqualTo(Instant.parse("2025-03-14T09:34:51Z"));
    }

    @Test
    void startWithoutEventAtUsesTheCdrStartDate() {
        ObjectNode tree = tree("inbound-answered/01-inbound-start.json");
        tree.putNull("event_at");

        assertThat(translate(tree).occurredAt()).isEqualTo(Instant.parse("2025-03-14T09:30:02Z"));
    }

    @Test
    void recordingWithoutEventAtUsesTheRecordingDate() {
        ObjectNode tree = tree("recording/01-recording-new.json");
        tree.remove("event_at");

        assertThat(translate(tree).occurredAt()).isEqualTo(Instant.parse("2025-03-14T09:30:09Z"));
    }

    @Test
    void withoutAnyDateTheReceptionTimeIsUsed() {
        ObjectNode sms = tree("sms/sms-mo.json");
        sms.remove("event_at");
        ObjectNode start = tree("inbound-missed/01-inbound-start.json");
        start.remove("event_at");
        ((ObjectNode) start.get("data")).put("start", "");

        assertThat(translate(sms).occurredAt()).isEqualTo(RECEIVED_AT);
        assertThat(translate(start).occurredAt()).isEqualTo(RECEIVED_AT);
        assertThat(translate(start).startedAtHint()).isNull();
    }
}

package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static io.switchboard.vendor.callr.CallrFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallrNonCallTranslationTest {

    @Test
    void smsMoIsStoredNotACall() {
        CallEvent event = translate("sms/sms-mo.json");

        assertThat(event.kind()).isEqualTo(EventKind.NON_CALL);
        assertThat(event.vendorEventType()).isEqualTo("sms.mo");
        assertThat(event.eventKey()).isEqualTo("evt_01JPA6A2C4E6G8J0L2N4Q6S8U0");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-14T12:01:33.870Z"));
        assertThat(event.vendorCallId()).isNull();
        assertThat(event.line()).isNull();
        assertThat(event.direction()).isNull();
        assertThat(event.attributes())
                .containsEntry("hash", "SMS5T7V9X1")
                .containsEntry("from", "+33612345678")
                .containsEntry("to", "+33184250000")
                .containsEntry("status", "RECEIVED")
                .containsEntry("hook_hash", "HK7Q2ZPA")
                .doesNotContainKeys("text", "options", "status_error");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "media.recording.status_update",
        "sms.mt.status_update",
        "billing.credit",
        "billing.credit.warning",
        "did.assigned",
        "did.unassigned",
        "job.status_update",
        "media.library.status_update"
    })
    void everyOtherKnownTypeIsOneNonCallEvent(String type) {
        ObjectNode tree = tree("sms/sms-mo.json");
        tree.put("type", type);
        tree.putNull("hook_hash");

        CallEvent event = translate(tree);

        assertThat(event.kind()).isEqualTo(EventKind.NON_CALL);
        assertThat(event.vendorEventType()).isEqualTo(type);
        assertThat(event.vendorCallId()).isNull();
        assertThat(event.attributes()).containsEntry("hash", "SMS5T7V9X1").doesNotContainKey("hook_hash");
    }

    @Test
    void recordingStatusUpdateKeepsTheRecordingFacts() {
        ObjectNode tree = tree("recording/01-recording-new.json");
        tree.put("type", "media.recording.status_update");

        CallEvent event = translate(tree);

        assertThat(event.kind()).isEqualTo(EventKind.NON_CALL);
        assertThat(event.recordingUrl()).isNull();
        assertThat(event.attributes())
                .containsEntry("callid", "7004318123456789012")
                .containsEntry("url_mp3", "https://media.callr.example/recordings/REC8KD2QW4.mp3")
                .containsEntry("status", "READY");
    }
}

package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static io.switchboard.vendor.callr.CallrFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallrRecordingTranslationTest {

    @Test
    void newRecordingCarriesTheMp3Url() {
        CallEvent event = translate("recording/01-recording-new.json");

        assertThat(event.kind()).isEqualTo(EventKind.RECORDING);
        assertThat(event.vendorEventType()).isEqualTo("media.recording.new");
        assertThat(event.eventKey()).isEqualTo("evt_01JPA4MH5J7L9N1Q3S5U7W9Y1A");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-03-14T09:35:20.442Z"));
        assertThat(event.vendorCallId()).isEqualTo("7004318123456789012");
        assertThat(event.linkedIds()).as("also finds a forwarded leg by its callid").containsExactly("7004318123456789012");
        assertThat(event.line()).isEqualTo("+33184250000");
        assertThat(event.from().number()).isEqualTo("+33612345678");
        assertThat(event.direction()).isNull();
        assertThat(event.recordingUrl()).isEqualTo("https://media.callr.example/recordings/REC8KD2QW4.mp3");
        assertThat(event.attributes())
                .containsEntry("recording_hash", "REC8KD2QW4")
                .containsEntry("status", "READY")
                .containsEntry("type", "CALL")
                .containsEntry("duration", "282");
    }

    @Test
    void urlWithoutExtensionGetsItsListedExtension() {
        ObjectNode tree = tree("recording/01-recording-new.json");
        ((ObjectNode) tree.get("data")).remove("url_mp3");

        assertThat(translate(tree).recordingUrl()).isEqualTo("https://media.callr.example/recordings/REC8KD2QW4.mp3");
    }

    @Test
    void bareUrlIsKeptAsGiven() {
        ObjectNode tree = tree("recording/01-recording-new.json");
        ObjectNode data = (ObjectNode) tree.get("data");
        data.remove("url_mp3");
        data.putArray("url_exts");

        assertThat(translate(tree).recordingUrl()).isEqualTo("https://media.callr.example/recordings/REC8KD2QW4");
    }

    @Test
    void recordingWithoutUrlKeepsOnlyTheMediaId() {
        CallEvent event = translate("recording/02-recording-new-without-url.json");

        assertThat(event.kind()).isEqualTo(EventKind.RECORDING);
        assertThat(event.vendorCallId()).isEqualTo("7004318123456789012");
        assertThat(event.recordingUrl()).isNull();
        assertThat(event.attributes())
                .containsEntry("recording_hash", "REC9PZ3MV7")
                .containsEntry("status", "PROCESSING");
    }

    @Test
    void recordingOfNoCallIsNotACall() {
        ObjectNode tree = tree("recording/01-recording-new.json");
        ((ObjectNode) tree.get("data")).put("callid", 0);

        CallEvent event = translate(tree);

        assertThat(event.kind()).isEqualTo(EventKind.NON_CALL);
        assertThat(event.vendorCallId()).isNull();
        assertThat(event.attributes()).containsEntry("hash", "REC8KD2QW4");
    }
}

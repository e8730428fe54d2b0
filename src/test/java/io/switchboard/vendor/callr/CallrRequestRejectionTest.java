package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.ingress.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CallrRequestRejectionTest {

    private static RejectedRequestException reject(byte[] body) {
        RejectedRequestException e =
                catchThrowableOfType(() -> CallrFixtures.translate(body), RejectedRequestException.class);
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    private static String rejectText(String body) {
        return reject(body.getBytes(StandardCharsets.UTF_8)).getMessage();
    }

    private static String rejectEdited(String fixture, Consumer<ObjectNode> edit) {
        ObjectNode tree = tree(fixture);
        edit.accept(tree);
        return reject(CallrFixtures.bytes(tree)).getMessage();
    }

    private static Consumer<ObjectNode> data(Consumer<ObjectNode> edit) {
        return tree -> edit.accept((ObjectNode) tree.get("data"));
    }

    @Test
    void malformedJson() {
        assertThat(rejectText("{\"type\": \"call.inbound_start\", \"data\": {")).isEqualTo("The body is not valid JSON");
        assertThat(rejectText("{\"type\":\"sms.mo\"} trailing")).isEqualTo("The body is not valid JSON");
    }

    @Test
    void notAnObject() {
        assertThat(rejectText("[1, 2]")).isEqualTo("The body is not a JSON object");
        assertThat(rejectText("")).isEqualTo("The body is not a JSON object");
    }

    @Test
    void missingEnvelopeFields() {
        String hangup = "inbound-answered/02-inbound-hangup.json";

        assertThat(rejectEdited(hangup, t -> t.remove("type"))).isEqualTo("missing type");
        assertThat(rejectEdited(hangup, t -> t.put("type", " "))).isEqualTo("missing type");
        assertThat(rejectEdited(hangup, t -> t.remove("data"))).isEqualTo("missing or non-object data");
        assertThat(rejectEdited(hangup, t -> t.put("data", "x"))).isEqualTo("missing or non-object data");
        assertThat(rejectEdited(hangup, t -> t.remove("event_id"))).isEqualTo("missing event_id");
        assertThat(rejectEdited(hangup, t -> t.putNull("event_id"))).isEqualTo("missing event_id");
    }

    @Test
    void unknownType() {
        RejectedRequestException e = reject(CallrFixtures.bytes(editType("call.transfer")));

        assertThat(e.getMessage()).isEqualTo("unknown event type call.transfer");
        assertThat(e.code()).isEqualTo("unknown_event_type");
    }

    @Test
    void unknownTypeIsEchoedSafely() {
        String message = reject(CallrFixtures.bytes(editType("x\n".repeat(50)))).getMessage();

        assertThat(message).startsWith("unknown event type x?x?").doesNotContain("\n").hasSizeLessThan(100);
    }

    private static ObjectNode editType(String type) {
        ObjectNode tree = tree("sms/sms-mo.json");
        tree.put("type", type);
        return tree;
    }

    @Test
    void malformedEventAt() {
        assertThat(rejectEdited("sms/sms-mo.json", t -> t.put("event_at", "yesterday")))
                .isEqualTo("event_at is not an ISO-8601 time (YYYY-MM-DDTHH:MM:SS.sssZ)");
    }

    @Test
    void missingOrZeroCallId() {
        String start = "inbound-answered/01-inbound-start.json";

        assertThat(rejectEdited(start, data(d -> d.remove("callid")))).isEqualTo("missing data.callid");
        assertThat(rejectEdited(start, data(d -> d.put("callid", 0)))).isEqualTo("missing data.callid");
    }

    @Test
    void callIdThatIsNotA64BitUnsignedInteger() {
        String start = "inbound-answered/01-inbound-start.json";
        String expected = "data.callid is not a 64-bit unsigned integer";

        assertThat(rejectEdited(start, data(d -> d.put("callid", 1.8446744073709552E19)))).isEqualTo(expected);
        assertThat(rejectEdited(start, data(d -> d.put("callid", "18446744073709551616")))).isEqualTo(expected);
        assertThat(rejectEdited(start, data(d -> d.put("callid", new java.math.BigInteger("-18446744073709551615")))))
                .isEqualTo(expected);
        assertThat(rejectEdited(start, data(d -> d.put("callid", "-5")))).isEqualTo(expected);
        assertThat(rejectEdited(start, data(d -> d.putObject("callid")))).isEqualTo(expected);
        assertThat(rejectEdited("inbound-forwarded/02-outbound-start.json", data(d -> d.put("callid_in", "abc"))))
                .isEqualTo("data.callid_in is not a 64-bit unsigned integer");
    }

    @Test
    void malformedCdrDate() {
        assertThat(rejectEdited("inbound-answered/02-inbound-hangup.json", data(d -> d.put("answer", "24/04/2024"))))
                .isEqualTo("data.answer is not a date (YYYY-MM-DD HH:MM:SS, UTC)");
        assertThat(rejectEdited("inbound-answered/01-inbound-start.json", data(d -> d.put("start", "2025-02-30 10:00:00"))))
                .isEqualTo("data.start is not a date (YYYY-MM-DD HH:MM:SS, UTC)");
        assertThat(rejectEdited("recording/01-recording-new.json", data(d -> d.put("date", "2025-03-14T09:30:09Z"))))
                .isEqualTo("data.date is not a date (YYYY-MM-DD HH:MM:SS, UTC)");
    }

    @Test
    void malformedAnsweredDuration() {
        assertThat(rejectEdited("inbound-missed/02-inbound-hangup.json", data(d -> d.put("duration_answered", "ten"))))
                .isEqualTo("data.duration_answered is not an integer");
    }
}

package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a Telphin request is refused: a 4xx naming the field, never another exception. */
class TelphinRejectionTest {

    @ParameterizedTest
    @CsvSource({
        "rejected/missing-callid.query,      400, missing_field,      Missing field CallID",
        "rejected/missing-eventtype.query,   400, missing_field,      Missing field EventType",
        "rejected/unknown-eventtype.query,   400, unknown_event_type, Unknown EventType 'voicemail'",
        "rejected/malformed-eventtime.query, 400, malformed_field,    EventTime must be a whole number of microseconds",
        "rejected/malformed-callflow.query,  400, malformed_field,    CallFlow must be 'in' or 'out'"
    })
    void rejectedFixturesAreRefused(String fixture, int status, String code, String message) {
        RejectedRequestException e = reject(TelphinFixtures.request(fixture));

        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void blankCallIdIsMissing() {
        String query = TelphinFixtures.read("inbound-answered/01-dial-in.query")
                .replace("CallID=a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01", "CallID=%20");

        assertThat(reject(TelphinFixtures.get(query)).getMessage()).isEqualTo("Missing field CallID");
    }

    @Test
    void malformedDurationIsRefused() {
        String query = TelphinFixtures.read("inbound-answered/03-hangup.query")
                .replace("Duration=95250000", "Duration=95.25");

        RejectedRequestException e = reject(TelphinFixtures.get(query));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("Duration must be a whole number of microseconds");
    }

    @Test
    void negativeEventTimeIsRefused() {
        String query = "EventType=hangup&CallID=abc&EventTime=-5";

        assertThat(reject(TelphinFixtures.get(query)).code()).isEqualTo("malformed_field");
    }

    @Test
    void emptyRequestMissesEventType() {
        RejectedRequestException e = reject(TelphinFixtures.get(null));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Missing field EventType");
    }

    @Test
    void jsonBodyIsUnsupportedMediaType() {
        InboundRequest json = new InboundRequest(
                "telphin", null, "POST", null, "application/json",
                "{\"EventType\":\"dial-in\",\"CallID\":\"abc\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(), TelphinFixtures.RECEIVED_AT, null);

        RejectedRequestException e = reject(json);

        assertThat(e.status()).isEqualTo(415);
        assertThat(e.code()).isEqualTo("unsupported_media_type");
    }

    @Test
    void malformedPercentEncodingIsA400() {
        RejectedRequestException e = reject(TelphinFixtures.get("EventType=dial-in&CallID=%ZZ"));

        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void veryLongUnknownEventTypeIsClippedInTheMessage() {
        String longType = "x".repeat(500);

        RejectedRequestException e = reject(TelphinFixtures.get("EventType=" + longType + "&CallID=abc"));

        assertThat(e.getMessage()).hasSizeLessThan(200);
    }

    private static RejectedRequestException reject(InboundRequest request) {
        RejectedRequestException e = catchThrowableOfType(
                RejectedRequestException.class, () -> TelphinFixtures.DIALECT.translate(request, TelphinFixtures.SOURCE));
        assertThat(e).as("rejection").isNotNull();
        return e;
    }
}

package io.switchboard.vendor.udesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.ingress.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UdeskDialectRejectionTest {

    private final UdeskDialect dialect = UdeskFixtures.dialect();

    @Test
    void rejectsMalformedJson() {
        RejectedRequestException e = reject("{\"Event\":\"begin\",");

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("malformed_json");
    }

    @Test
    void rejectsAJsonArray() {
        assertThat(reject("[{\"Event\":\"begin\"}]").code()).isEqualTo("malformed_json");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThat(reject("").code()).isEqualTo("malformed_json");
    }

    @Test
    void namesThePointerOfAMissingEvent() {
        RejectedRequestException e = reject("{\"CallId\":\"c-1\"}");

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Missing udesk event name at /Event");
    }

    @Test
    void namesAnUnknownEvent() {
        RejectedRequestException e = reject("{\"Event\":\"ring_ring\",\"CallId\":\"c-1\"}");

        assertThat(e.code()).isEqualTo("unknown_event");
        assertThat(e.getMessage()).isEqualTo("Unknown udesk event 'ring_ring' at /Event");
    }

    @Test
    void shortensAHugeUnknownEventName() {
        RejectedRequestException e = reject("{\"Event\":\"" + "x".repeat(500) + "\",\"CallId\":\"c-1\"}");

        assertThat(e.getMessage()).hasSizeLessThan(120);
    }

    @Test
    void namesThePointerOfAMissingCallId() {
        RejectedRequestException e = reject("{\"Event\":\"agent_answer\",\"Timestamp\":1709630100000}");

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Missing udesk CallId at /CallId for event agent_answer");
    }

    @Test
    void rejectsAMalformedEventTime() {
        RejectedRequestException e = reject("{\"Event\":\"begin\",\"CallId\":\"c-1\",\"Timestamp\":\"yesterday\"}");

        assertThat(e.code()).isEqualTo("malformed_field");
        assertThat(e.getMessage()).contains("/Timestamp");
    }

    private RejectedRequestException reject(String body) {
        RejectedRequestException e = catchThrowableOfType(
                () -> dialect.translate(UdeskFixtures.signed(body.getBytes(StandardCharsets.UTF_8)),
                        UdeskFixtures.source()),
                RejectedRequestException.class);
        assertThat(e).as("expected a rejection").isNotNull();
        return e;
    }
}

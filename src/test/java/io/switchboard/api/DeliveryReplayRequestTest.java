package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.feed.CallFeed;
import io.switchboard.feed.DeliveryStatus;
import io.switchboard.ingress.RejectedRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The body of POST /api/v1/deliveries/replay: what is accepted and the 400 for everything else. */
class DeliveryReplayRequestTest {

    @Test
    void oneCallOfASubscription() {
        CallFeed.ReplaySelection s = DeliveryApi.selection("{\"subscription\": \"to-crm\", \"callId\": \"c-1\"}");

        assertThat(s.subscription()).isEqualTo("to-crm");
        assertThat(s.callId()).isEqualTo("c-1");
        assertThat(s.since()).isNull();
        assertThat(s.statuses()).containsExactlyInAnyOrder(DeliveryStatus.DEAD, DeliveryStatus.DELIVERED);
    }

    @Test
    void everythingSinceATimeOptionallyOnlyTheDeadOnes() {
        CallFeed.ReplaySelection s = DeliveryApi.selection(
                "{\"subscription\": \"to-crm\", \"since\": \"2026-11-23T10:00:00Z\", \"status\": \"DEAD\"}");

        assertThat(s.since()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(s.statuses()).containsExactly(DeliveryStatus.DEAD);
    }

    @Test
    void badBodiesAreRefusedWithWhatIsWrong() {
        assertRejected("", "invalid_json");
        assertRejected("not json", "invalid_json");
        assertRejected("[]", "invalid_json");
        assertRejected("{\"callId\": \"c-1\"}", "missing_field");
        assertRejected("{\"subscription\": \"s\"}", "invalid_request");
        assertRejected("{\"subscription\": \"s\", \"callId\": \"c\", \"since\": \"2026-11-23T10:00:00Z\"}", "invalid_request");
        assertRejected("{\"subscription\": \"s\", \"since\": \"yesterday\"}", "invalid_field");
        assertRejected("{\"subscription\": 3, \"callId\": \"c\"}", "invalid_field");
        assertRejected("{\"subscription\": \"s\", \"callId\": \"c\", \"status\": \"PENDING\"}", "invalid_field");
        assertRejected("{\"subscription\": \"s\", \"callId\": \"c\", \"all\": true}", "unknown_field");
    }

    private static void assertRejected(String body, String code) {
        assertThatThrownBy(() -> DeliveryApi.selection(body))
                .as(body)
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}

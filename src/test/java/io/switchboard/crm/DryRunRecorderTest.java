package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.feed.FeedHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The dry-run record: the delivery it belongs to, credentials masked, the newest kept first and bounded. */
class DryRunRecorderTest {

    private static final DefaultCamelContext CONTEXT = new DefaultCamelContext();

    private final DryRunRecorder recorder =
            new DryRunRecorder(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    private static Exchange delivery(String callId) {
        Exchange exchange = new DefaultExchange(CONTEXT);
        exchange.getMessage().setHeader(FeedHeaders.CALL_ID, callId);
        exchange.getMessage().setHeader(FeedHeaders.SUBSCRIPTION, "to-hubspot");
        exchange.getMessage().setHeader(FeedHeaders.DELIVERY_ID, 12L);
        return exchange;
    }

    @Test
    void recordsTheRequestWithCredentialsMaskedAndNoQueryString() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer pat-na1-secret");
        headers.put("X-Api-Key", "k");
        headers.put("X-Switchboard-Signature", "sha256=abc");

        DryRunRecorder.Entry e = recorder.record(delivery("c-1"), "hubspot", "POST",
                "https://api.hubapi.com/crm/v3/objects/calls?hapikey=secret", headers, "{\"properties\":{}}");

        assertThat(e.at()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(e.subscription()).isEqualTo("to-hubspot");
        assertThat(e.callId()).isEqualTo("c-1");
        assertThat(e.deliveryId()).isEqualTo(12L);
        assertThat(e.target()).isEqualTo("https://api.hubapi.com/crm/v3/objects/calls");
        assertThat(e.headers())
                .containsEntry("Authorization", "****")
                .containsEntry("X-Api-Key", "****")
                .containsEntry("X-Switchboard-Signature", "sha256=abc");
        assertThat(recorder.recent(10)).containsExactly(e);
    }

    @Test
    void keepsTheNewestFirstAndOnlyTheLastTwoHundred() {
        for (int i = 0; i < DryRunRecorder.KEPT + 5; i++) {
            recorder.record(delivery("c-" + i), "webhook", "POST", "https://x", Map.of(), "{}");
        }

        assertThat(recorder.recent(1000)).hasSize(DryRunRecorder.KEPT);
        assertThat(recorder.recent(2)).extracting(DryRunRecorder.Entry::callId).containsExactly("c-204", "c-203");
    }
}

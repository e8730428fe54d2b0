package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Base of the CRM connector ITs: the real hub, a consultant route "call source → CRM sink Kamelet"
 * added at run time, and Telphin webhooks that make an ended call.
 */
public abstract class CrmRouteTestSupport extends SourceRouteTestSupport {

    /**
     * Telphin's inbound-answered fixture (extension 000*101 answers, 95 s of talk) with this caller
     * instead of the fixture's +79161234567, so these calls never mix with other tests' calls.
     */
    protected static final String CALLER = "+79165550123";

    /** Adds the route {@code kamelet:switchboard-call-source → sinkUri} under subscription {@code name}. */
    protected void route(String name, String sinkUri) throws Exception {
        route(name, sinkUri, "");
    }

    /** Same, with more call-source options ({@code &concurrency=4}). */
    protected void route(String name, String sinkUri, String sourceOptions) throws Exception {
        addSourceRoute(name, "&states=ENDED&vendors=telphin&pollDelay=50&initialBackoff=50&maxBackoff=200" + sourceOptions, sinkUri);
    }

    /** Sends Telphin's inbound-answered call (dial-in, answer, hangup) from {@link #CALLER} under a fresh CallID; returns the hub call id. */
    protected String sendAnsweredCall() throws Exception {
        String vendorCallId = UUID.randomUUID().toString().replace("-", "");
        for (String step : List.of("01-dial-in.query", "02-answer.query", "03-hangup.query")) {
            String query = Files.readString(Path.of("src/test/resources/fixtures/telphin/inbound-answered", step),
                            StandardCharsets.UTF_8)
                    .strip()
                    .replace("a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01", vendorCallId)
                    .replace("%2B79161234567", "%2B79165550123");
            assertThat(post("/webhooks/telphin/" + source("telphin-demo").token(), "application/x-www-form-urlencoded",
                            query, Map.of())
                    .statusCode())
                    .isEqualTo(200);
        }
        AtomicReference<String> id = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (JsonNode call : json(get("/api/v1/calls?vendor=telphin&state=ENDED&number=%2B79165550123&limit=500"))
                    .path("items")) {
                if (call.path("vendorCallId").asText().equals(vendorCallId)) {
                    id.set(call.path("id").asText());
                    return true;
                }
            }
            return false;
        });
        return id.get();
    }

    /** What a replay does: the subscription's delivery of {@code callId} is due again. */
    protected void replay(String subscription, String callId) {
        int rows = jdbc.update("UPDATE feed_deliveries SET status = 'PENDING', next_attempt_at = CURRENT_TIMESTAMP"
                + " WHERE subscription = ? AND call_id = ?", subscription, callId);
        assertThat(rows).isEqualTo(1);
    }

    protected String deliveryStatus(String subscription, String callId) {
        return jdbc.queryForList("SELECT status FROM feed_deliveries WHERE subscription = ? AND call_id = ?", String.class,
                        subscription, callId)
                .stream()
                .findFirst()
                .orElse("");
    }
}

package io.switchboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ingress translates each request to validate it; the processor records those same events
 * instead of translating the stored row a second time (a restart, where nothing is remembered, is
 * covered by {@link DurabilityAcrossRestartIT}).
 */
class TranslationReuseIT extends HubIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void theProcessorRecordsTheIngressTranslation() throws Exception {
        double byIngress = count("ingress");
        double byProcessor = count("processor");
        String token = source("telphin-demo").token();
        for (String step : List.of("01-dial-in", "02-answer", "03-hangup")) {
            String query = Files.readString(
                    Path.of("src/test/resources/fixtures/telphin/inbound-answered/" + step + ".query"), StandardCharsets.UTF_8)
                    .strip();
            assertThat(get("/webhooks/telphin/" + token + "?" + query, Map.of()).statusCode()).isEqualTo(200);
        }

        await().atMost(WAIT).until(() -> count("ingress") - byIngress == 3.0);
        assertThat(count("processor") - byProcessor).isZero();
        await().atMost(WAIT).until(() -> json(get("/api/v1/calls?vendor=telphin&number=%2B79161234567"
                        + "&since=2024-11-23T08:00:00Z&until=2024-11-23T09:00:00Z&state=ENDED"))
                .path("items").findValuesAsText("outcome").contains("ANSWERED"));
    }

    private double count(String by) {
        var counter = meters.find("switchboard.inbox.translations").tag("by", by).counter();
        return counter == null ? 0 : counter.count();
    }
}

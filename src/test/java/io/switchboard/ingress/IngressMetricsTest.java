package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class IngressMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final IngressMetrics metrics = new IngressMetrics(meters);

    @Test
    void aWebhookPathIsCountedUnderItsVendor() {
        metrics.rejectedIfWebhook("/webhooks/telphin/secret-token", "malformed_body", 400);
        metrics.rejectedIfWebhook("/webhooks/keyyo-cti/t", "malformed_body", 400);

        assertThat(count("telphin", "malformed_body")).isEqualTo(1.0);
        assertThat(count("keyyo-cti", "malformed_body")).isEqualTo(1.0);
    }

    @Test
    void anApiPathIsNotAWebhookRefusal() {
        metrics.rejectedIfWebhook("/api/v1/click-to-call", "malformed_body", 400);
        metrics.rejectedIfWebhook(null, "malformed_body", 400);

        assertThat(meters.find("switchboard.webhook.rejected").counters()).isEmpty();
    }

    @Test
    void aMadeUpVendorSegmentIsCountedAsUnknownNotAsANewTag() {
        for (int i = 0; i < 50; i++) {
            metrics.rejectedIfWebhook("/webhooks/made-up-" + i + "/x", "payload_too_large", 413);
        }
        metrics.rejectedIfWebhook("/webhooks/", "payload_too_large", 413);

        assertThat(meters.find("switchboard.webhook.rejected").counters()).hasSize(1);
        assertThat(count("unknown", "payload_too_large")).isEqualTo(51.0);
    }

    @Test
    void vendorOfReadsTheSegmentAfterWebhooks() {
        assertThat(IngressMetrics.vendorOf("/webhooks/callr")).isEqualTo("callr");
        assertThat(IngressMetrics.vendorOf("/webhooks/udesk/extra/parts")).isEqualTo("udesk");
        assertThat(IngressMetrics.vendorOf("/webhooks")).isEqualTo("unknown");
    }

    private double count(String vendor, String reason) {
        return meters.find("switchboard.webhook.rejected").tag("vendor", vendor).tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}

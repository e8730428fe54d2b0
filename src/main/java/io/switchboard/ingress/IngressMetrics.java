package io.switchboard.ingress;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters for what the webhooks accept and reject: {@code switchboard.webhook.accepted{vendor}}
 * and {@code switchboard.webhook.rejected{vendor,reason,status}} (see /actuator/metrics).
 */
@Component
public class IngressMetrics {

    private final MeterRegistry meters;

    IngressMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void accepted(String vendor) {
        meters.counter("switchboard.webhook.accepted", "vendor", vendor).increment();
    }

    public void rejected(String vendor, String reason, int status) {
        meters.counter("switchboard.webhook.rejected", "vendor", vendor, "reason", reason, "status", String.valueOf(status))
                .increment();
    }
}

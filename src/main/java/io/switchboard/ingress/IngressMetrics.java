package io.switchboard.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counters for what the webhooks accept and reject: {@code switchboard.webhook.accepted{vendor}}
 * and {@code switchboard.webhook.rejected{vendor,reason,status}} (see /actuator/metrics).
 */
@Component
public class IngressMetrics {

    private final MeterRegistry meters;
    /** One per vendor: looking a tagged counter up in the registry on every request is not free. */
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();

    IngressMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void accepted(String vendor) {
        Counter counter = accepted.get(vendor); // no capturing lambda on the hot path once it exists
        if (counter == null) {
            counter = accepted.computeIfAbsent(vendor, v -> meters.counter("switchboard.webhook.accepted", "vendor", v));
        }
        counter.increment();
    }

    public void rejected(String vendor, String reason, int status) {
        meters.counter("switchboard.webhook.rejected", "vendor", vendor, "reason", reason, "status", String.valueOf(status))
                .increment();
    }
}

package io.switchboard.ingress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counters for what the webhooks accept and reject: {@code switchboard.webhook.accepted{vendor}}
 * and {@code switchboard.webhook.rejected{vendor,reason,status}} (see /actuator/metrics).
 */
@Component
public class IngressMetrics {

    /** The first path segment after {@code /webhooks/} of each ingress route. */
    private static final Set<String> WEBHOOK_VENDORS = Set.of("keyyo", "keyyo-cti", "callr", "telphin", "udesk");

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

    /**
     * Counts a refusal of {@code requestUri} if it is a webhook ({@code /webhooks/{vendor}/…}); a
     * refusal made outside the ingress routes (the HTTP layer's own 400 for an unreadable body) is
     * counted like the routes' own.
     */
    public void rejectedIfWebhook(String requestUri, String reason, int status) {
        if (requestUri != null && requestUri.startsWith("/webhooks/")) {
            rejected(vendorOf(requestUri), reason, status);
        }
    }

    /**
     * {@code /webhooks/telphin/abc} → telphin; a path that is no webhook of the hub's → unknown (the
     * tag is never taken from the caller as is: one counter per made-up path would fill the registry).
     */
    static String vendorOf(String uri) {
        String[] parts = uri.split("/", 4);
        return parts.length > 2 && WEBHOOK_VENDORS.contains(parts[2]) ? parts[2] : "unknown";
    }

    public void rejected(String vendor, String reason, int status) {
        meters.counter("switchboard.webhook.rejected", "vendor", vendor, "reason", reason, "status", String.valueOf(status))
                .increment();
    }
}

package io.switchboard.clicktocall;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.click-to-call} in {@code config/switchboard.yaml}. See docs/api/click-to-call.md.
 *
 * @param unconfirmedTimeout how long a requested call may wait for its vendor's first event; then the
 *     hub ends it FAILED with a {@code hub:originate-timeout} event. {@code 0} turns the timeout off
 * @param timeoutCheckInterval how often the hub looks for such calls
 */
@ConfigurationProperties("switchboard.click-to-call")
public record ClickToCallProperties(
        @DefaultValue("120s") Duration unconfirmedTimeout,
        @DefaultValue("10s") Duration timeoutCheckInterval) {

    public ClickToCallProperties {
        if (unconfirmedTimeout == null || unconfirmedTimeout.isNegative()) {
            throw new IllegalArgumentException("switchboard.click-to-call.unconfirmed-timeout must be 0 (off) or positive");
        }
        if (timeoutCheckInterval == null || timeoutCheckInterval.isNegative() || timeoutCheckInterval.isZero()) {
            throw new IllegalArgumentException("switchboard.click-to-call.timeout-check-interval must be positive");
        }
    }

    /** Whether the timeout is on. */
    public boolean timeoutEnabled() {
        return !unconfirmedTimeout.isZero();
    }
}

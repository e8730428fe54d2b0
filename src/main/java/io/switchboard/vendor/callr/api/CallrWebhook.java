package io.switchboard.vendor.callr.api;

/**
 * A CALLR webhook subscription (object {@code Webhook}).
 *
 * @param hash     webhook id
 * @param type     event type, e.g. {@code call.inbound_hangup}
 * @param endpoint URL the events are pushed to
 * @param status   ENABLED, DISABLED, DISABLED_ADMIN, DISABLED_SYSTEM
 */
public record CallrWebhook(String hash, String type, String endpoint, String status) {

    public boolean enabled() {
        return "ENABLED".equals(status);
    }
}

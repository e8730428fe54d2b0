package io.switchboard.vendor.keyyo;

import io.switchboard.config.Source;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;

/**
 * Keyyo does not sign its notifications: the secret is the {@code {token}} path segment of the
 * URL typed into the Keyyo Manager. The CTI relay uses the same token. Messages never echo it.
 */
final class KeyyoTokens {

    /** Source vendor id both Keyyo feeds authenticate against. */
    static final String SOURCE_VENDOR = "keyyo";

    private KeyyoTokens() {}

    static Source authenticate(String pathToken, Sources sources, String feed) {
        if (pathToken == null || pathToken.isBlank()) {
            throw RejectedRequestException.unauthorized(
                    "missing_token", "Missing token: the " + feed + " URL must end with /<token> of a keyyo source");
        }
        return sources.byToken(SOURCE_VENDOR, pathToken)
                .orElseThrow(() -> RejectedRequestException.unauthorized(
                        "unknown_token", "Unknown token: no keyyo source is configured with the token in this " + feed
                                + " URL"));
    }
}

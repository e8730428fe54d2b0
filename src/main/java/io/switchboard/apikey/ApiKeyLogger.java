package io.switchboard.apikey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** On start, names each API key, its scopes and limit; a key given in clear is shown masked. */
@Component
class ApiKeyLogger {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyLogger.class);

    /** The demo key shipped in config/switchboard.yaml: public, so it must never guard a real hub. */
    static final String SHIPPED_DEMO_KEY = "sb_demo_key_change_me_0000";

    private final ApiKeys keys;

    ApiKeyLogger(ApiKeys keys) {
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logKeys() {
        if (keys.configured().isEmpty()) {
            LOG.warn("No API keys configured (switchboard.api.keys): every /api/v1 request except the OpenAPI"
                    + " document will be refused with 401");
        }
        for (ApiKeyProperties.Key k : keys.configured()) {
            String secret = k.key() != null && !k.key().isBlank()
                    ? "key " + mask(k.key().trim()) + " (given in clear: use sha256 in production)"
                    : "sha256 " + mask(k.sha256().trim());
            LOG.info("API key '{}' scopes {} limit {}/s burst {}: {}  (send 'Authorization: Bearer <key>')",
                    k.id(), k.scopes(), k.requestsPerSecond(), k.burst(), secret);
            if (k.key() != null && SHIPPED_DEMO_KEY.equals(k.key().trim())) {
                LOG.warn("API key '{}' is the PUBLIC demo key shipped in config/switchboard.yaml: anyone can use it."
                        + " Set SWITCHBOARD_API_KEY (or replace the entry by a sha256 line) before exposing this hub.",
                        k.id());
            }
        }
    }

    /** {@code sb****ge}: enough to recognise a key, useless to use it. */
    static String mask(String secret) {
        if (secret.length() < 8) {
            return "****";
        }
        return secret.substring(0, 2) + "****" + secret.substring(secret.length() - 2);
    }
}

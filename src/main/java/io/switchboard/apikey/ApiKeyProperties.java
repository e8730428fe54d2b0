package io.switchboard.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.api} in {@code config/switchboard.yaml}: the keys callers of {@code /api/v1/**}
 * present. See {@code docs/api/security.md}.
 *
 * @param keys every accepted key
 */
@Validated
@ConfigurationProperties("switchboard.api")
public record ApiKeyProperties(@Valid List<Key> keys) {

    public ApiKeyProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
        if (keys.stream().map(Key::id).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("switchboard.api.keys: every key needs a distinct id");
        }
    }

    /**
     * One API key. Exactly one of {@code sha256} (production: the hex SHA-256 of the key, printed by
     * {@code NewApiKey}) or {@code key} (the key itself, from an environment variable; meant for the
     * demo and development) is set.
     *
     * @param id name of the key (shown in logs, never the key)
     * @param sha256 hex SHA-256 of the key, optionally prefixed {@code sha256:}
     * @param key the key itself (hashed at start, logged masked)
     * @param scopes {@code calls:read}, {@code click-to-call}, {@code admin} (admin implies all)
     * @param requestsPerSecond sustained rate allowed for this key
     * @param burst requests allowed at once before the rate applies
     */
    public record Key(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String id,
            String sha256,
            String key,
            @NotEmpty List<String> scopes,
            @DefaultValue("20") @Positive double requestsPerSecond,
            @DefaultValue("40") @Positive int burst) {

        public Key {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }
}

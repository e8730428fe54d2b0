package io.switchboard.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured API keys, looked up by the SHA-256 of the presented key. Keys are 256-bit random
 * strings ({@link NewApiKey}): a fast hash is enough to make a leaked configuration useless, and
 * it keeps verification to one hash and one map look-up per request (see docs/api/security.md).
 */
@Component
public class ApiKeys {

    /** One accepted key, without its secret. */
    public record ApiKey(String id, Set<Scope> scopes, TokenBucket limiter) {

        public boolean allows(Scope scope) {
            return scopes.contains(Scope.ADMIN) || scopes.contains(scope);
        }
    }

    private final Map<String, ApiKey> byHash;
    private final List<ApiKeyProperties.Key> configured;

    @Autowired
    public ApiKeys(ApiKeyProperties properties) {
        this(properties, System::nanoTime);
    }

    ApiKeys(ApiKeyProperties properties, LongSupplier nanoTime) {
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        for (ApiKeyProperties.Key k : properties.keys()) {
            String hash = hashOf(k);
            ApiKey key = new ApiKey(k.id(), scopesOf(k), new TokenBucket(k.burst(), k.requestsPerSecond(), nanoTime));
            if (keys.putIfAbsent(hash, key) != null) {
                throw new IllegalArgumentException("switchboard.api.keys: key '" + k.id() + "' is the same key as another");
            }
        }
        this.byHash = Map.copyOf(keys);
        this.configured = properties.keys();
    }

    /** The key whose hash matches, if any. */
    public Optional<ApiKey> find(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(sha256(presented.trim())));
    }

    List<ApiKeyProperties.Key> configured() {
        return configured;
    }

    public static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hashOf(ApiKeyProperties.Key k) {
        boolean hasHash = k.sha256() != null && !k.sha256().isBlank();
        boolean hasKey = k.key() != null && !k.key().isBlank();
        if (hasHash == hasKey) {
            throw new IllegalArgumentException(
                    "switchboard.api.keys '" + k.id() + "': set exactly one of sha256 (hex SHA-256 of the key) or key");
        }
        if (hasKey) {
            if (k.key().trim().length() < 16) {
                throw new IllegalArgumentException("switchboard.api.keys '" + k.id() + "': a key needs at least 16 characters");
            }
            return sha256(k.key().trim());
        }
        String hex = k.sha256().trim().toLowerCase(Locale.ROOT);
        hex = hex.startsWith("sha256:") ? hex.substring("sha256:".length()) : hex;
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "switchboard.api.keys '" + k.id() + "': sha256 must be 64 hex digits (see NewApiKey)");
        }
        return hex;
    }

    private static Set<Scope> scopesOf(ApiKeyProperties.Key k) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : k.scopes()) {
            scopes.add(Scope.of(name).orElseThrow(() -> new IllegalArgumentException("switchboard.api.keys '" + k.id()
                    + "': unknown scope '" + name + "' (calls:read, click-to-call, admin)")));
        }
        return Set.copyOf(scopes);
    }
}

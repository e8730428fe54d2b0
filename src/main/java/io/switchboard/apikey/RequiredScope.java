package io.switchboard.apikey;

import java.util.List;
import java.util.Optional;

/**
 * Which scope a request under {@code /api/v1} needs. One table, so every endpoint added later is
 * protected by default: reads need {@code calls:read}, anything else {@code admin}.
 */
final class RequiredScope {

    /** Served without a key. */
    static final List<String> PUBLIC = List.of("/api/v1/openapi.json");

    /** Administrative paths: {@code admin} whatever the method. */
    static final List<String> ADMIN_PREFIXES = List.of("/api/v1/admin/", "/api/v1/deliveries", "/api/v1/dry-runs", "/api/v1/replay");

    static final String CLICK_TO_CALL = "/api/v1/click-to-call";

    private RequiredScope() {}

    /** The scope {@code method path} needs; empty for public paths. */
    static Optional<Scope> of(String method, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (PUBLIC.contains(p)) {
            return Optional.empty();
        }
        if (ADMIN_PREFIXES.stream().anyMatch(prefix -> p.startsWith(prefix) || (p + "/").equals(prefix))) {
            return Optional.of(Scope.ADMIN);
        }
        if (p.equals(CLICK_TO_CALL)) {
            return Optional.of(Scope.CLICK_TO_CALL);
        }
        return "GET".equals(method) || "HEAD".equals(method) ? Optional.of(Scope.CALLS_READ) : Optional.of(Scope.ADMIN);
    }
}

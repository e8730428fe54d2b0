package io.switchboard.apikey;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API key may do. {@link #ADMIN} implies every other scope. */
public enum Scope {
    /** Read calls and events ({@code GET /api/v1/calls}, {@code /events}), the live feed. */
    CALLS_READ("calls:read"),
    /** Start calls ({@code POST /api/v1/click-to-call}). */
    CLICK_TO_CALL("click-to-call"),
    /** Everything administrative (webhook registration, deliveries, replay …); implies all scopes. */
    ADMIN("admin");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    /** The name used in configuration and error messages ({@code calls:read}). */
    public String wire() {
        return wire;
    }

    public static Optional<Scope> of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wire.equals(n)).findFirst();
    }

    @Override
    public String toString() {
        return wire;
    }
}

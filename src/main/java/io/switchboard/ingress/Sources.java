package io.switchboard.ingress;

import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured sources, with the look-ups dialects need. */
@Component
public class Sources {

    private final List<Source> all;

    public Sources(SwitchboardProperties properties) {
        this.all = List.copyOf(properties.sources());
    }

    public List<Source> all() {
        return all;
    }

    public List<Source> ofVendor(String vendor) {
        return all.stream().filter(s -> s.vendor().equals(vendor)).toList();
    }

    public Optional<Source> byId(String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The source of this vendor whose URL token equals {@code token} (constant-time compare). */
    public Optional<Source> byToken(String vendor, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return ofVendor(vendor).stream()
                .filter(s -> s.token() != null && constantTimeEquals(s.token(), token))
                .findFirst();
    }

    public static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}

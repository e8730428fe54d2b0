package io.switchboard.vendor.telphin;

import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.phone.PhoneNormalizer;
import java.util.regex.Pattern;

/**
 * Reads Telphin numbers. Extensions arrive as {@code client_prefix*name@pbx-domain}
 * ({@code 000*099@sipproxy.telphin.ru}); Telphin's own integration guide says to identify them by
 * {@code client_prefix*name}, so that form is kept whole as the extension. Everything else goes
 * through {@link PhoneNormalizer} with the source's region (RU when the source sets none).
 */
final class TelphinNumbers {

    /** {@code prefix*name}, after any {@code sip:} and {@code @host} are removed. */
    private static final Pattern PREFIXED_EXTENSION = Pattern.compile("[0-9]+\\*[0-9]+");
    private static final String DEFAULT_REGION = "RU";

    private final PhoneNormalizer.Context context;

    TelphinNumbers(Source source) {
        String region = source.defaultRegion() == null ? DEFAULT_REGION : source.defaultRegion();
        this.context = PhoneNormalizer.Context.of(region, source.extensionPattern(), false);
    }

    /** The party {@code raw} names, or null when it is null or blank. */
    Party party(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String bare = stripSipAndHost(raw.trim());
        if (PREFIXED_EXTENSION.matcher(bare).matches()) {
            return Party.extension(raw, bare);
        }
        return PhoneNormalizer.normalize(raw, context);
    }

    /** The extension {@code raw} names, or null when it is absent or an outside number. */
    String extension(String raw) {
        Party party = party(raw);
        return party != null && party.extension() ? party.number() : null;
    }

    boolean isExtension(String raw) {
        return extension(raw) != null;
    }

    private static String stripSipAndHost(String value) {
        String bare = value;
        if (bare.regionMatches(true, 0, "sip:", 0, 4)) {
            bare = bare.substring(4);
        }
        int at = bare.indexOf('@');
        return at > 0 ? bare.substring(0, at) : bare;
    }
}

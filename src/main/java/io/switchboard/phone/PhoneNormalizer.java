package io.switchboard.phone;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.call.Party;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the numbers vendors send into {@link Party}: E.164 through libphonenumber, extensions
 * kept as extensions, the original string always kept.
 *
 * <ul>
 *   <li>Keyyo: international without '+' ({@code 33123456789}) — pass {@code internationalWithoutPlus}.
 *   <li>udesk: national ({@code 0{area}…}), 11-digit mobiles, {@code 00…} — default region CN.
 *   <li>Telphin: {@code +7…}, and {@code prefix*ext@host} SIP extensions.
 *   <li>CALLR: E.164 with or without '+'.
 * </ul>
 *
 * A string that is neither an extension nor a possible number (a 22-digit voicemail id, "anonymous")
 * keeps its digits, or its text when it has none.
 */
public final class PhoneNormalizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-/]");
    /** PBX extensions written {@code prefix*extension} (Telphin {@code 000*099}). */
    private static final Pattern PREFIXED_EXTENSION = Pattern.compile("[0-9]+\\*[0-9]+");
    private static final Pattern INTERNATIONAL_DIGITS = Pattern.compile("[1-9][0-9]{7,14}");
    private static final Pattern NOT_DIGIT_OR_PLUS = Pattern.compile("[^0-9+]");
    /** Extension patterns come from a handful of configured sources: compile each once. */
    private static final Map<String, Pattern> EXTENSION_PATTERNS = new ConcurrentHashMap<>();
    /**
     * libphonenumber's parse + format is the costliest step of translating an event, and the same
     * numbers (the subscriber's lines, a caller's several events) come back all the time. Its
     * upkeep (a short drain of its read and write buffers) runs on the calling thread: handing it to
     * the common pool, Caffeine's default, woke a pool thread for nearly every new number, which
     * under load cost more than the upkeep itself.
     */
    private static final Cache<String, Optional<String>> E164 =
            Caffeine.newBuilder().maximumSize(20_000).executor(Runnable::run).build();

    private PhoneNormalizer() {}

    /** How to read one source's numbers. */
    public record Context(String defaultRegion, Pattern extensionPattern, boolean internationalWithoutPlus) {

        public static Context of(String defaultRegion, String extensionPattern, boolean internationalWithoutPlus) {
            return new Context(
                    defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT),
                    EXTENSION_PATTERNS.computeIfAbsent(extensionPattern == null ? "[0-9*#]{1,6}" : extensionPattern, Pattern::compile),
                    internationalWithoutPlus);
        }
    }

    /** Returns null for a null or blank input. */
    public static Party normalize(String raw, Context context) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        if (value.regionMatches(true, 0, "sip:", 0, 4) || value.regionMatches(true, 0, "tel:", 0, 4)) {
            value = value.substring(4);
        }
        int at = value.indexOf('@');
        if (at > 0) {
            value = value.substring(0, at);
        }
        value = SEPARATORS.matcher(value).replaceAll("");
        if (context.extensionPattern().matcher(value).matches() || PREFIXED_EXTENSION.matcher(value).matches()) {
            return Party.extension(raw, value);
        }
        String e164 = toE164(value, context);
        if (e164 != null) {
            return Party.number(raw, e164);
        }
        String digits = NOT_DIGIT_OR_PLUS.matcher(value).replaceAll("");
        return Party.number(raw, digits.isEmpty() ? value : digits);
    }

    /** E.164 form of {@code value}, or null when it is not a possible number. */
    public static String toE164(String value, Context context) {
        String candidate = value;
        if (context.internationalWithoutPlus() && INTERNATIONAL_DIGITS.matcher(candidate).matches()) {
            candidate = "+" + candidate;
        }
        String number = candidate;
        String region = context.defaultRegion();
        return E164.get(region + '|' + number, key -> Optional.ofNullable(parse(number, region))).orElse(null);
    }

    private static String parse(String candidate, String region) {
        try {
            PhoneNumber parsed = UTIL.parse(candidate, region);
            if (!UTIL.isPossibleNumber(parsed)) {
                return null;
            }
            return UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }
}

package io.switchboard.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.call.Party;
import java.util.Locale;
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

    private PhoneNormalizer() {}

    /** How to read one source's numbers. */
    public record Context(String defaultRegion, Pattern extensionPattern, boolean internationalWithoutPlus) {

        public static Context of(String defaultRegion, String extensionPattern, boolean internationalWithoutPlus) {
            return new Context(
                    defaultRegion == null ? "ZZ" : defaultRegion.toUpperCase(Locale.ROOT),
                    Pattern.compile(extensionPattern == null ? "[0-9*#]{1,6}" : extensionPattern),
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
        String digits = value.replaceAll("[^0-9+]", "");
        return Party.number(raw, digits.isEmpty() ? value : digits);
    }

    /** E.164 form of {@code value}, or null when it is not a possible number. */
    public static String toE164(String value, Context context) {
        String candidate = value;
        if (context.internationalWithoutPlus() && candidate.matches("[1-9][0-9]{7,14}")) {
            candidate = "+" + candidate;
        }
        try {
            PhoneNumber parsed = UTIL.parse(candidate, context.defaultRegion());
            if (!UTIL.isPossibleNumber(parsed)) {
                return null;
            }
            return UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }
}

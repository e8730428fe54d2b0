package io.switchboard.crm;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The spellings of one number a CRM may hold: people type numbers into CRMs as they please, so a
 * lookup by E.164 alone misses "06 12 34 56 78". Which spellings to try is configuration.
 */
public final class NumberVariants {

    /** One way of writing a number. */
    public enum Variant {
        /** {@code +33612345678} */
        E164,
        /** {@code 33612345678}: international without '+' */
        DIGITS,
        /** {@code +33 6 12 34 56 78}: libphonenumber's international format */
        INTERNATIONAL,
        /** {@code 06 12 34 56 78} and {@code 0612345678}: national format, with and without spaces */
        NATIONAL,
        /** {@code 12345678}: the last N digits (a suffix; the CRM must support partial matching) */
        LAST_DIGITS
    }

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private NumberVariants() {}

    /** Reads "E164,NATIONAL,LAST_DIGITS" (case-insensitive, blanks ignored). */
    public static Set<Variant> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of(Variant.E164);
        }
        Set<Variant> variants = new LinkedHashSet<>();
        for (String item : csv.split(",")) {
            String name = item.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.isEmpty()) {
                continue;
            }
            try {
                variants.add(Variant.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown number variant '" + item.strip() + "': use one of "
                        + Arrays.toString(Variant.values()));
            }
        }
        return variants;
    }

    /**
     * The exact spellings of {@code e164} for the chosen variants, most specific first, without
     * duplicates, in the order of {@link Variant}; {@link Variant#LAST_DIGITS} is not included (see {@link #lastDigits}).
     */
    public static List<String> exact(String e164, Set<Variant> variants) {
        Set<String> out = new LinkedHashSet<>();
        Optional<PhoneNumber> parsed = parse164(e164);
        for (Variant variant : Variant.values()) {
            if (!variants.contains(variant)) {
                continue;
            }
            switch (variant) {
                case E164 -> out.add(e164);
                case DIGITS -> out.add(e164.startsWith("+") ? e164.substring(1) : e164);
                case INTERNATIONAL -> parsed.ifPresent(n -> out.add(UTIL.format(n, PhoneNumberFormat.INTERNATIONAL)));
                case NATIONAL -> parsed.ifPresent(n -> {
                    String national = UTIL.format(n, PhoneNumberFormat.NATIONAL);
                    out.add(national);
                    out.add(national.replaceAll("[^0-9+]", ""));
                });
                case LAST_DIGITS -> {}
            }
        }
        return new ArrayList<>(out);
    }

    /** The last {@code n} digits of {@code e164}, when {@link Variant#LAST_DIGITS} is chosen; else empty. */
    public static Optional<String> lastDigits(String e164, Set<Variant> variants, int n) {
        if (!variants.contains(Variant.LAST_DIGITS) || n <= 0) {
            return Optional.empty();
        }
        String digits = e164.replaceAll("[^0-9]", "");
        return Optional.of(digits.length() <= n ? digits : digits.substring(digits.length() - n));
    }

    /** True when {@code number} is a dialable E.164 number (not an extension, not "anonymous"). */
    public static boolean isE164(String number) {
        return number != null && number.matches("\\+[1-9][0-9]{6,14}");
    }

    /** Normalizes a configured list of numbers ("+33 1 23 45 67 89, 0612345678") to E.164. */
    public static Set<String> toE164Set(String csv, String defaultRegion) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return UTIL.format(UTIL.parse(s, defaultRegion), PhoneNumberFormat.E164);
                    } catch (NumberParseException e) {
                        throw new IllegalArgumentException("Not a phone number: '" + s + "'");
                    }
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<PhoneNumber> parse164(String e164) {
        try {
            return Optional.of(UTIL.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}

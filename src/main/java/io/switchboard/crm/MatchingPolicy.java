package io.switchboard.crm;

import io.switchboard.crm.NumberVariants.Variant;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a connector finds the CRM record(s) a call belongs to: configuration, not code.
 *
 * @param variants             spellings of the number to look up (E.164, national, last N digits ...)
 * @param lastDigits           N for {@link Variant#LAST_DIGITS}
 * @param objectPriority       CRM object types searched in order; the first type with a match wins
 *                             (e.g. contact, lead, account)
 * @param ambiguity            what to do when the winning type has several matches
 * @param excludedNumbers      numbers never looked up nor created (E.164): the subscriber's own and the
 *                             switchboard numbers; the call's own line is always excluded
 * @param createContact        create a record for an unknown caller (object type: the first of
 *                             {@code objectPriority} the connector can create)
 * @param createdContactMemory how long a contact the hub created is found locally before the CRM's
 *                             search index is trusted again
 */
public record MatchingPolicy(
        Set<Variant> variants,
        int lastDigits,
        List<String> objectPriority,
        Ambiguity ambiguity,
        Set<String> excludedNumbers,
        boolean createContact,
        Duration createdContactMemory) {

    /** The choice for a lookup with several matches. */
    public enum Ambiguity {
        /** Log the call without a link (and say so in the notes). */
        SKIP,
        /** Link the first match the CRM returned. */
        FIRST,
        /** Link every match. */
        ALL,
        /** Log the call without a link, mark its title "[REVIEW]" and list the candidates in the notes. */
        FLAG;

        public static Ambiguity parse(String value) {
            if (value == null || value.isBlank()) {
                return FLAG;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Unknown ambiguity choice '" + value + "': use one of " + Arrays.toString(values()));
            }
        }
    }

    public MatchingPolicy {
        variants = Set.copyOf(variants);
        objectPriority = List.copyOf(objectPriority);
        excludedNumbers = Set.copyOf(excludedNumbers);
        if (lastDigits < 0) {
            throw new IllegalArgumentException("lastDigits must not be negative");
        }
        createdContactMemory = createdContactMemory == null ? Duration.ofHours(1) : createdContactMemory;
    }

    /** Reads a comma-separated object priority ("contact,lead"), lower-cased; {@code fallback} when blank. */
    public static List<String> objects(String csv, List<String> allowed, List<String> fallback) {
        if (csv == null || csv.isBlank()) {
            return fallback;
        }
        List<String> objects = Arrays.stream(csv.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        for (String o : objects) {
            if (!allowed.contains(o)) {
                throw new IllegalArgumentException("Unknown object type '" + o + "': use some of " + allowed);
            }
        }
        return objects;
    }
}

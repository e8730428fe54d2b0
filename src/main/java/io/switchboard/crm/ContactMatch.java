package io.switchboard.crm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a lookup: the records to link the call to, and why.
 *
 * @param status     what happened
 * @param linked     records the activity is linked to (empty for NONE, EXCLUDED, SKIPPED, FLAGGED)
 * @param candidates every match of the winning object type (for notes on ambiguous matches)
 */
public record ContactMatch(Status status, List<CrmContact> linked, List<CrmContact> candidates) {

    public enum Status {
        /** No number to look up (internal call, anonymous caller). */
        NO_NUMBER,
        /** The number is the subscriber's own or a switchboard number. */
        EXCLUDED,
        /** Nothing found, nothing created. */
        NONE,
        /** Exactly one match. */
        UNIQUE,
        /** Several matches, linked per the ambiguity choice FIRST or ALL. */
        AMBIGUOUS_LINKED,
        /** Several matches, none linked (ambiguity choice SKIP). */
        AMBIGUOUS_SKIPPED,
        /** Several matches, none linked, flagged for review (ambiguity choice FLAG). */
        FLAGGED,
        /** Unknown number: the hub created a record (or found one it created earlier). */
        CREATED
    }

    public ContactMatch {
        linked = List.copyOf(linked);
        candidates = List.copyOf(candidates);
    }

    static ContactMatch of(Status status) {
        return new ContactMatch(status, List.of(), List.of());
    }

    public boolean flagged() {
        return status == Status.FLAGGED;
    }

    /** The first linked record of {@code objectType}, or null. */
    public CrmContact first(String objectType) {
        return linked.stream().filter(c -> c.objectType().equals(objectType)).findFirst().orElse(null);
    }

    /** The first linked record, or null. */
    public CrmContact first() {
        return linked.isEmpty() ? null : linked.get(0);
    }

    /** A line for the activity's notes about an ambiguous lookup, or empty. */
    public String note() {
        if (status != Status.FLAGGED && status != Status.AMBIGUOUS_SKIPPED) {
            return "";
        }
        return "Several records match this number, none linked"
                + (flagged() ? " (flagged for review)" : "")
                + ": "
                + candidates.stream().map(c -> c.objectType() + " " + c.id()).collect(Collectors.joining(", "));
    }
}

package io.switchboard.vendor.udesk;

import io.switchboard.call.Direction;
import java.util.Locale;
import java.util.Set;

/**
 * Reads udesk direction words: {@code CallDirection} (values unpublished) and the call log's
 * {@code CallType} ("Incoming", "Outgoing", "incoming (transfer)", "incoming (monitor)" …).
 * Numeric codes are not guessed: they read as unknown.
 */
final class UdeskDirections {

    private static final Set<String> INBOUND = Set.of("in", "inbound", "incoming", "callin", "call_in", "呼入");
    private static final Set<String> OUTBOUND =
            Set.of("out", "outbound", "outgoing", "callout", "call_out", "dialout", "呼出");
    private static final Set<String> INTERNAL = Set.of("internal", "inner", "local", "内部", "内线");

    private UdeskDirections() {}

    static Direction parse(String raw) {
        if (raw == null) {
            return null;
        }
        String word = firstWord(raw.trim().toLowerCase(Locale.ROOT));
        if (INBOUND.contains(word)) {
            return Direction.INBOUND;
        }
        if (OUTBOUND.contains(word)) {
            return Direction.OUTBOUND;
        }
        return INTERNAL.contains(word) ? Direction.INTERNAL : null;
    }

    /** "incoming (transfer)" reads as "incoming". */
    private static String firstWord(String value) {
        int cut = value.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '(' || c == '（') {
                cut = i;
                break;
            }
        }
        return value.substring(0, cut);
    }
}

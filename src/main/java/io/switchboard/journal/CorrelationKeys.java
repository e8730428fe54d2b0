package io.switchboard.journal;

import io.switchboard.call.CallEvent;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys under which an event's call is found in {@code call_keys}: the vendor's ids
 * ({@code vendorCallId}, {@code legId}, {@code linkedIds}) plus the tags a hub-started call
 * carries back (click-to-call): CALLR {@code cdr_field} values the hub issued, Telphin
 * {@code CallAPIID} of callback legs.
 */
public final class CorrelationKeys {

    /** Prefix of every {@code cdr_field} the hub sends CALLR ({@code sb} + 30 hex digits). */
    public static final Pattern HUB_CDR_FIELD = Pattern.compile("sb[0-9a-f]{30}");

    public static final String CDR_FIELD = "cdr_field:";
    public static final String CALL_API_ID = "call_api_id:";
    /** Keys of a click-to-call waiting for its first vendor event, by line and number (Keyyo). */
    public static final String PENDING = "pending:";

    private CorrelationKeys() {}

    public static Set<String> of(CallEvent e) {
        Set<String> ids = new LinkedHashSet<>();
        add(ids, e.vendorCallId());
        add(ids, e.legId());
        e.linkedIds().stream().filter(Objects::nonNull).forEach(id -> add(ids, id));
        Map<String, String> a = e.attributes();
        String cdrField = a.get("cdr_field");
        if (cdrField != null && HUB_CDR_FIELD.matcher(cdrField).matches()) {
            ids.add(CDR_FIELD + cdrField);
        }
        String callApiId = a.get("callApiId");
        if (callApiId != null && callApiId.startsWith("cb-") && callApiId.length() > 3) {
            ids.add(CALL_API_ID + callApiId);
            ids.add(CALL_API_ID + callApiId.substring(3));
        }
        return ids;
    }

    /** The key of a pending click-to-call from {@code line} to {@code number} (both canonical). */
    public static String pending(String line, String number) {
        return PENDING + line + "|" + number;
    }

    private static void add(Set<String> ids, String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }
}

package io.switchboard.crm.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.call.Direction;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmJson;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Canonical call → Zoho CRM Calls record ({@code POST /crm/v{n}/Calls}, body {@code {"data":[…]}})
 * and the follow-up task of a missed call. Pure: no I/O. {@code Call_Start_Time} is ISO-8601 with
 * the offset of the configured time zone, {@code Call_Duration} is "mm:ss".
 */
final class ZohoCallMapper {

    static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private ZohoCallMapper() {}

    /** The Calls record; {@code callIdField} (null: none) carries the hub call id. */
    static ObjectNode call(Activity a, ZoneId zone, String callIdField) {
        Call call = a.call().call();
        ObjectNode r = CrmJson.object();
        r.put("Subject", a.title());
        r.put("Call_Type", callType(call));
        r.put("Call_Start_Time", start(a.call().start(), zone));
        r.put("Call_Duration", duration(a.call().durationSeconds()));
        r.put("Call_Result", result(call));
        if (call.from() != null) {
            r.put("Caller_ID", call.from());
        }
        if (call.to() != null) {
            r.put("Dialled_Number", call.to());
        }
        r.put("Description", a.notes());
        if (callIdField != null) {
            r.put(callIdField, a.call().callId());
        }
        links(r, a);
        if (a.ownerId() != null) {
            r.putObject("Owner").put("id", a.ownerId());
        }
        return r;
    }

    /** {@code Call_Type}: Inbound, Outbound, or Missed for an inbound call nobody answered. */
    static String callType(Call call) {
        if (call.outcome() == io.switchboard.call.Outcome.MISSED) {
            return "Missed";
        }
        return call.direction() == Direction.OUTBOUND ? "Outbound" : "Inbound";
    }

    /** {@code Call_Result}: the outcome in words. */
    static String result(Call call) {
        if (call.outcome() == null) {
            return "In progress";
        }
        String name = call.outcome().name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** "mm:ss"; minutes go past 59 for long calls ("95:03"). */
    static String duration(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    static String start(Instant start, ZoneId zone) {
        return START.format(start.atZone(zone));
    }

    /**
     * A Contact is {@code Who_Id}; a Lead or an Account is {@code What_Id} with {@code $se_module}
     * (Leads / Accounts) — Zoho's Calls module relates leads through What_Id.
     */
    private static void links(ObjectNode r, Activity a) {
        CrmContact contact = a.match().first("contact");
        if (contact != null) {
            r.putObject("Who_Id").put("id", contact.id());
        }
        CrmContact account = a.match().first("account");
        CrmContact lead = a.match().first("lead");
        if (account != null) {
            r.putObject("What_Id").put("id", account.id());
            r.put("$se_module", "Accounts");
        } else if (lead != null && contact == null) {
            r.putObject("What_Id").put("id", lead.id());
            r.put("$se_module", "Leads");
        }
    }

    /** A Tasks record due the day the missed call ended. */
    static ObjectNode followUp(Activity a, ZoneId zone) {
        ObjectNode r = CrmJson.object();
        r.put("Subject", "Call back " + (a.call().customerNumber() == null ? "" : a.call().customerNumber()));
        r.put("Due_Date", a.call().end().atZone(zone).toLocalDate().toString());
        r.put("Status", "Not Started");
        r.put("Priority", "High");
        r.put("Description", a.notes());
        links(r, a);
        if (a.ownerId() != null) {
            r.putObject("Owner").put("id", a.ownerId());
        }
        return r;
    }
}

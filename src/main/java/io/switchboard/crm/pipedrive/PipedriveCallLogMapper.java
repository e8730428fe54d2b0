package io.switchboard.crm.pipedrive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Canonical call → Pipedrive call log ({@code POST /v1/callLogs}) and the follow-up activity of a
 * missed call. Pure: no I/O. Times are UTC {@code YYYY-MM-DD HH:MM:SS} as Pipedrive requires.
 */
final class PipedriveCallLogMapper {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private PipedriveCallLogMapper() {}

    /** The call log; {@code orgId} is the linked person's organization (null: none). */
    static ObjectNode callLog(Activity a, String orgId) {
        Call call = a.call().call();
        ObjectNode log = CrmJson.object();
        putId(log, "user_id", a.ownerId());
        log.put("subject", a.title());
        log.put("duration", String.valueOf(a.call().durationSeconds()));
        log.put("outcome", outcome(call));
        log.put("from_phone_number", call.from() == null ? "" : call.from());
        log.put("to_phone_number", call.to() == null ? "" : call.to());
        log.put("start_time", time(a.call().start()));
        log.put("end_time", time(a.call().end()));
        CrmContact person = a.match().first("person");
        if (person != null) {
            putId(log, "person_id", person.id());
            putId(log, "org_id", orgId);
        }
        log.put("note", a.notes());
        return log;
    }

    /** {@code outcome} enum: connected, no_answer, left_message, left_voicemail, wrong_number, busy. */
    static String outcome(Call call) {
        if (call.outcome() == null) {
            return "no_answer";
        }
        return switch (call.outcome()) {
            case ANSWERED -> "connected";
            case BUSY -> "busy";
            case MISSED, NO_ANSWER, CANCELLED, FAILED -> "no_answer";
        };
    }

    /** A call activity (type {@code call}) due when the missed call ended. */
    static ObjectNode followUp(Activity a) {
        ObjectNode activity = CrmJson.object();
        activity.put("subject", "Call back " + (a.call().customerNumber() == null ? "" : a.call().customerNumber()));
        activity.put("type", "call");
        activity.put("due_date", DATE.format(a.call().end()));
        activity.put("due_time", HOUR_MINUTE.format(a.call().end()));
        putId(activity, "user_id", a.ownerId());
        CrmContact person = a.match().first("person");
        if (person != null) {
            putId(activity, "person_id", person.id());
        }
        activity.put("note", a.notes());
        return activity;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Pipedrive ids are integers: numeric ids are sent as numbers. */
    private static void putId(ObjectNode node, String field, String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        if (id.matches("[0-9]{1,18}")) {
            node.put(field, Long.parseLong(id));
        } else {
            node.put(field, id);
        }
    }
}

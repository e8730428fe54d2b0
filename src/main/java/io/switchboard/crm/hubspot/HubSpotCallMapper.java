package io.switchboard.crm.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.call.Direction;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmJson;
import java.util.List;

/**
 * Canonical call → HubSpot call engagement properties ({@code POST /crm/v3/objects/calls}) and the
 * follow-up task of a missed call. Pure: no I/O. Field names per HubSpot's calls API and
 * {@code docs/crm/hubspot.md}.
 */
final class HubSpotCallMapper {

    /** HUBSPOT_DEFINED association type ids. */
    static final int CALL_TO_CONTACT = 194;
    static final int CALL_TO_COMPANY = 182;
    static final int TASK_TO_CONTACT = 204;
    static final int TASK_TO_COMPANY = 192;

    private HubSpotCallMapper() {}

    /** The call's properties; {@code callIdProperty} (blank: none) carries the hub call id. */
    static ObjectNode callProperties(Activity a, String callIdProperty) {
        Call call = a.call().call();
        ObjectNode p = CrmJson.object();
        p.put("hs_timestamp", a.call().start().toString());
        p.put("hs_call_title", a.title());
        p.put("hs_call_body", a.notes());
        if (call.direction() == Direction.INBOUND || call.direction() == Direction.OUTBOUND) {
            p.put("hs_call_direction", call.direction().name());
        }
        p.put("hs_call_status", status(call));
        p.put("hs_call_duration", String.valueOf(a.call().durationSeconds() * 1000));
        putIfPresent(p, "hs_call_from_number", call.from());
        putIfPresent(p, "hs_call_to_number", call.to());
        if (call.recordingUrl() != null && call.recordingUrl().startsWith("https://")) {
            p.put("hs_call_recording_url", call.recordingUrl());
        }
        putIfPresent(p, "hubspot_owner_id", a.ownerId());
        if (callIdProperty != null && !callIdProperty.isBlank()) {
            p.put(callIdProperty, call.id());
        }
        return p;
    }

    /** {@code hs_call_status}: RINGING / IN_PROGRESS while the call lasts, then from the outcome. */
    static String status(Call call) {
        return switch (call.state()) {
            case RINGING -> "RINGING";
            case ANSWERED -> "IN_PROGRESS";
            case ENDED -> switch (call.outcome() == null ? io.switchboard.call.Outcome.FAILED : call.outcome()) {
                case ANSWERED -> "COMPLETED";
                case MISSED, NO_ANSWER -> "NO_ANSWER";
                case BUSY -> "BUSY";
                case CANCELLED -> "CANCELED";
                case FAILED -> "FAILED";
            };
        };
    }

    /** Body of {@code POST /crm/v3/objects/calls}: properties and associations to the linked records. */
    static ObjectNode createCall(Activity a, String callIdProperty) {
        ObjectNode body = CrmJson.object();
        body.set("properties", callProperties(a, callIdProperty));
        body.set("associations", associations(a.match().linked(), CALL_TO_CONTACT, CALL_TO_COMPANY));
        return body;
    }

    /** Body of {@code POST /crm/v3/objects/tasks}: a call-back task due when the call ended. */
    static ObjectNode followUpTask(Activity a) {
        ObjectNode p = CrmJson.object();
        p.put("hs_timestamp", a.call().end().toString());
        p.put("hs_task_subject", "Call back " + nullToEmpty(a.call().customerNumber()));
        p.put("hs_task_body", a.notes());
        p.put("hs_task_status", "NOT_STARTED");
        p.put("hs_task_priority", "HIGH");
        p.put("hs_task_type", "CALL");
        putIfPresent(p, "hubspot_owner_id", a.ownerId());
        ObjectNode body = CrmJson.object();
        body.set("properties", p);
        body.set("associations", associations(a.match().linked(), TASK_TO_CONTACT, TASK_TO_COMPANY));
        return body;
    }

    static ArrayNode associations(List<CrmContact> linked, int toContact, int toCompany) {
        ArrayNode out = CrmJson.MAPPER.createArrayNode();
        for (CrmContact c : linked) {
            ObjectNode a = out.addObject();
            a.putObject("to").put("id", c.id());
            a.putArray("types")
                    .addObject()
                    .put("associationCategory", "HUBSPOT_DEFINED")
                    .put("associationTypeId", "company".equals(c.objectType()) ? toCompany : toContact);
        }
        return out;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package io.switchboard.crm.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.call.Call;
import io.switchboard.call.Direction;
import io.switchboard.call.Outcome;
import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmJson;
import java.time.ZoneId;

/**
 * Canonical call → Salesforce Task fields (Task with {@code TaskSubtype = Call}). Pure: no I/O.
 * Field names per the Salesforce Task object and {@code docs/crm/salesforce.md}.
 */
final class SalesforceTaskMapper {

    private SalesforceTaskMapper() {}

    /**
     * The Task of a call. {@code recordingField} (blank: none) is a custom URL field for the recording;
     * the numbers are in {@code Description}. {@code CallObject} carries the hub call id.
     */
    static ObjectNode task(Activity a, ZoneId zone, String recordingField) {
        Call call = a.call().call();
        ObjectNode t = CrmJson.object();
        t.put("Subject", clip(a.title(), 255));
        t.put("Description", a.notes());
        t.put("TaskSubtype", "Call");
        t.put("Status", call.state() == io.switchboard.call.CallState.ENDED ? "Completed" : "In Progress");
        t.put("ActivityDate", a.call().start().atZone(zone).toLocalDate().toString());
        t.put("CallType", callType(call.direction()));
        t.put("CallDurationInSeconds", a.call().durationSeconds());
        t.put("CallDisposition", disposition(call));
        t.put("CallObject", call.id());
        links(t, a);
        if (a.ownerId() != null) {
            t.put("OwnerId", a.ownerId());
        }
        if (recordingField != null && !recordingField.isBlank() && call.recordingUrl() != null) {
            t.put(recordingField, call.recordingUrl());
        }
        return t;
    }

    /** The call-back Task of a missed inbound call, due the day it was missed. */
    static ObjectNode followUp(Activity a, ZoneId zone) {
        ObjectNode t = CrmJson.object();
        t.put("Subject", "Call back " + (a.call().customerNumber() == null ? "" : a.call().customerNumber()));
        t.put("Description", a.notes());
        t.put("TaskSubtype", "Call");
        t.put("Status", "Not Started");
        t.put("Priority", "High");
        t.put("ActivityDate", a.call().end().atZone(zone).toLocalDate().toString());
        links(t, a);
        if (a.ownerId() != null) {
            t.put("OwnerId", a.ownerId());
        }
        return t;
    }

    /** {@code WhoId} = the first linked Contact or Lead, {@code WhatId} = the first linked Account. */
    private static void links(ObjectNode t, Activity a) {
        CrmContact who = a.match().first("contact");
        if (who == null) {
            who = a.match().first("lead");
        }
        if (who != null) {
            t.put("WhoId", who.id());
        }
        CrmContact what = a.match().first("account");
        if (what != null) {
            t.put("WhatId", what.id());
        }
    }

    /** {@code CallType} picklist: Inbound, Outbound, Internal. */
    static String callType(Direction direction) {
        return switch (direction == null ? Direction.INTERNAL : direction) {
            case INBOUND -> "Inbound";
            case OUTBOUND -> "Outbound";
            case INTERNAL -> "Internal";
        };
    }

    /** {@code CallDisposition} (free text, 255): the outcome in words. */
    static String disposition(Call call) {
        if (call.outcome() == null) {
            return call.state() == io.switchboard.call.CallState.RINGING ? "Ringing" : "In progress";
        }
        return switch (call.outcome()) {
            case ANSWERED -> "Answered";
            case MISSED -> "Missed";
            case NO_ANSWER -> "No answer";
            case BUSY -> "Busy";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
        };
    }

    static boolean answered(Call call) {
        return call.outcome() == Outcome.ANSWERED;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package io.switchboard.crm;

import java.time.Duration;
import java.util.Optional;

/**
 * What the CRM connectors remember in the journal: the CRM record each (connector, hub call)
 * became, and the contacts the hub created itself. Implemented on the journal database
 * ({@code V3__crm_records.sql}).
 */
public interface CrmRecords {

    /**
     * What a row stands for: the call activity itself, the follow-up task of a missed call, the
     * recording attached to the activity, or the mark that a create of the activity was sent.
     */
    enum Kind {
        CALL,
        FOLLOW_UP,
        /** The call's recording file attached to the CALL record (Pipedrive {@code uploadRecording}). */
        RECORDING,
        /**
         * A create of the CALL record was sent and its answer may never have been read (a crash, a
         * timeout, a 500 after the CRM wrote): until the CALL record is known, every later attempt
         * first searches the CRM by the hub call id. Without it no search is needed: nothing was sent.
         */
        CREATE_SENT
    }

    /** The CRM id of the record {@code connectorId} wrote for {@code callId}, if any. */
    Optional<String> recordId(String connectorId, String callId, Kind kind);

    /** Remembers (or replaces) the CRM id of the record written for {@code callId}. */
    void remember(String connectorId, String callId, Kind kind, String crm, String recordId);

    /**
     * Remembers the {@link Kind#CALL} record of a call whose create was marked {@link Kind#CREATE_SENT},
     * in the place of that mark: once the record is known the mark means nothing, so it is not kept
     * beside it. Callers that never wrote a mark use {@link #remember} and pay nothing for it.
     */
    void rememberInPlaceOfMark(String connectorId, String callId, String crm, String recordId);

    /**
     * Drops the {@link Kind#CREATE_SENT} mark of {@code callId}: the create it stood for was refused
     * (a 4xx answer), so nothing is in the CRM to search for on the next attempt.
     */
    void forgetMark(String connectorId, String callId);

    /** A contact the hub created for {@code e164} less than {@code maxAge} ago. */
    Optional<CrmContact> createdContact(String connectorId, String e164, Duration maxAge);

    /** Remembers a contact the hub just created for {@code e164}. */
    void rememberCreatedContact(String connectorId, String e164, CrmContact contact);
}

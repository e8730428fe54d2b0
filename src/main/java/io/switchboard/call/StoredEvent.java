package io.switchboard.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A canonical event as the journal keeps it.
 *
 * @param id journal id of the event
 * @param callId the call it belongs to, null for events that are not about a call
 * @param vendorEventType the vendor's own event name
 * @param rawPayloadId id of the inbox row holding the raw vendor request
 * @param event the canonical event itself
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredEvent(
        long id,
        String callId,
        String vendor,
        String vendorEventType,
        EventKind kind,
        Instant occurredAt,
        Long rawPayloadId,
        CallEvent event) {}

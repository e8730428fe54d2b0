package io.switchboard.journal;

import java.time.Instant;

/**
 * A click-to-call the vendor has not confirmed yet: still {@code RINGING} on its ORIGINATE event
 * alone ({@link CallJournal#unconfirmedOriginations}).
 *
 * @param callId the hub call id
 * @param vendor the vendor asked to place it
 * @param source the source it was placed through
 * @param requestedAt when the hub asked the vendor (the ORIGINATE event's time)
 */
public record UnconfirmedOrigination(String callId, String vendor, String source, Instant requestedAt) {}

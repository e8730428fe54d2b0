package io.switchboard.clicktocall;

import io.switchboard.config.Source;

/**
 * One click-to-call as the hub hands it to a vendor's {@link Originator}.
 *
 * @param hubCallId the hub call id the call will have
 * @param source the source (vendor account) placing it
 * @param caller the configured line or agent calling
 * @param line the calling line in canonical form (E.164 or extension)
 * @param number the number to call: E.164 ({@code +33123456789}) or an extension
 * @param extension whether {@code number} is an extension
 * @param displayName optional name shown (Keyyo CALLEE_NAME, Telphin caller_id_name)
 * @param tag the hub's correlation tag for vendors that carry one back (CALLR cdr_field, udesk user_data)
 */
public record Placement(
        String hubCallId,
        Source source,
        Source.Caller caller,
        String line,
        String number,
        boolean extension,
        String displayName,
        String tag) {}

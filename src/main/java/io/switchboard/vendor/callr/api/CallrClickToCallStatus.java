package io.switchboard.vendor.callr.api;

import java.util.Optional;

/**
 * A click-to-call as {@code clicktocall/calls.get_status} returns it (object {@code CLICKTOCALL.Call});
 * dates are CALLR's {@code YYYY-MM-DD HH:MM:SS} UTC text.
 */
public record CallrClickToCallStatus(
        String hash,
        Optional<CallrPartyStatus> a,
        Optional<CallrPartyStatus> b,
        String cli,
        String cdrField,
        String dateCreation,
        String dateStarted,
        String dateUpdate) {}

package io.switchboard.vendor.callr.api;

/**
 * A click-to-call CALLR accepted.
 *
 * @param appHash  the click-to-call app used
 * @param callHash the click-to-call id ({@code clicktocall/calls.get_status}, {@code clicktocall/calls.cancel})
 * @param cdrField the tag CALLR will put on both legs' CDRs, null when none was given
 */
public record CallrClickToCallStarted(String appHash, String callHash, String cdrField) {}

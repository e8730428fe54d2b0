package io.switchboard.vendor.telphin.api;

/**
 * Telphin's answer to a callback.
 *
 * @param callApiId id for call control; the callback legs' events carry it as {@code CallAPIID} (with a {@code cb-} prefix)
 * @param callId    the call id ({@code CallID} of the events), null when Telphin did not return one
 */
public record TelphinCallbackResult(String callApiId, String callId) {}

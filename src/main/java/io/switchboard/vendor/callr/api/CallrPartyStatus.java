package io.switchboard.vendor.callr.api;

/**
 * One party of a click-to-call (object {@code CLICKTOCALL.Call.Status}).
 *
 * @param callid  CDR call id, a 64-bit unsigned integer kept as text; null before dialing
 * @param number  number dialing or answered
 * @param status  ABORTED, ANSWER, DIALING, HANGUP, NOANSWER, VOICEMAIL_DETECTED
 * @param attempt call try
 */
public record CallrPartyStatus(String callid, String number, String status, Integer attempt) {}

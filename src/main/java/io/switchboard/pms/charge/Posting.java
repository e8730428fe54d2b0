package io.switchboard.pms.charge;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One call charge for a room, as stored in {@code pms_postings} before it is forwarded to the PMS.
 *
 * @param id {@code call-<hub call id>}: the same call never makes two postings; Apaleo's Idempotency-Key
 * @param target fias or apaleo
 * @param postingType FIAS PT: C (hub priced, {@code amount} set) or T (PMS priced from duration and digits)
 * @param dialledDigits the number as a PMS expects it (international as 00…)
 * @param destination the tariff entry's name, null for PT T
 * @param sequence FIAS P#, assigned on the first send and kept on every resend
 */
public record Posting(
        String id,
        String callId,
        String target,
        String room,
        String extension,
        String reservation,
        String postingType,
        BigDecimal amount,
        String currency,
        long durationSeconds,
        String dialledDigits,
        String destination,
        Instant callStartedAt,
        Long sequence,
        Status status,
        String answerStatus,
        int attempts) {

    public enum Status {
        /** Stored, not sent yet (or the link went down before it was sent). */
        PENDING,
        /** Sent, its answer not received yet: resent with the same P# when the link is back. */
        SENT,
        /** The PMS accepted it (FIAS PA ASOK, REST 2xx). Final. */
        DONE,
        /** The PMS refused it (PA with another AS, REST 4xx). Final; kept for the night auditor. */
        REJECTED
    }

    public static String idFor(String callId) {
        return "call-" + callId;
    }
}

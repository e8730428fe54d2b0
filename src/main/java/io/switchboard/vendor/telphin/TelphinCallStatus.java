package io.switchboard.vendor.telphin;

import io.switchboard.call.Outcome;
import java.util.Locale;
import java.util.Optional;

/** {@code CallStatus} of a hangup event read as the hub's outcome hint. */
final class TelphinCallStatus {

    static final String ANSWER = "ANSWER";

    private TelphinCallStatus() {}

    /** The outcome {@code status} reports, or empty for CALLING, unknown values and null. */
    static Optional<Outcome> outcome(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (status.trim().toUpperCase(Locale.ROOT)) {
            case ANSWER -> Outcome.ANSWERED;
            case "BUSY" -> Outcome.BUSY;
            case "NOANSWER" -> Outcome.NO_ANSWER;
            case "CANCEL" -> Outcome.CANCELLED;
            case "CONGESTION", "CHANUNAVAIL" -> Outcome.FAILED;
            default -> null;
        });
    }

    static boolean isAnswer(String status) {
        return status != null && status.trim().equalsIgnoreCase(ANSWER);
    }
}

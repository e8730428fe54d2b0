package io.switchboard.vendor.udesk;

import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;

/**
 * What a udesk event does, before the call's direction is known. Answers depend on direction:
 * on an inbound call the customer ("user") is connected by the system before any agent picks up,
 * so only {@code agent_answer} answers it; on an outbound call the agent's phone is rung and
 * answered first, so only {@code user_answer} answers it.
 */
enum UdeskRole {
    RING,
    AGENT_ANSWER,
    USER_ANSWER,
    HANGUP,
    INFO,
    RECORDING,
    NON_CALL;

    EventKind kind(Direction direction, boolean hasRecordingUrl) {
        return switch (this) {
            case RING -> EventKind.RING;
            case AGENT_ANSWER -> direction == Direction.OUTBOUND ? EventKind.INFO : EventKind.ANSWER;
            case USER_ANSWER -> direction == Direction.INBOUND ? EventKind.INFO : EventKind.ANSWER;
            case HANGUP -> EventKind.HANGUP;
            case INFO -> EventKind.INFO;
            case RECORDING -> hasRecordingUrl ? EventKind.RECORDING : EventKind.INFO;
            case NON_CALL -> EventKind.NON_CALL;
        };
    }
}

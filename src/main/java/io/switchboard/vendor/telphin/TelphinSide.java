package io.switchboard.vendor.telphin;

import io.switchboard.call.Direction;
import io.switchboard.ingress.RejectedRequestException;
import java.util.Locale;

/** Which end of the call the subscribed extension is on: the caller (out) or the called (in). */
enum TelphinSide {
    CALLER(Direction.OUTBOUND),
    CALLED(Direction.INBOUND);

    private final Direction direction;

    TelphinSide(Direction direction) {
        this.direction = direction;
    }

    Direction direction() {
        return direction;
    }

    /**
     * Reads {@code CallFlow} ({@code in}/{@code out} in captures, {@code IN}/{@code OUT} in the
     * docs).
     *
     * @return the side, or null when {@code callFlow} is null
     */
    static TelphinSide fromCallFlow(String callFlow) {
        if (callFlow == null) {
            return null;
        }
        return switch (callFlow.trim().toLowerCase(Locale.ROOT)) {
            case "in" -> CALLED;
            case "out" -> CALLER;
            default -> throw RejectedRequestException.badRequest(
                    "malformed_field", "CallFlow must be 'in' or 'out', got '" + TelphinParams.clip(callFlow) + "'");
        };
    }
}

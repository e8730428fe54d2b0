package io.switchboard.vendor.keyyo.api;

/**
 * What to dial with {@code makecall.html}: Keyyo first rings the line, then calls {@code callee}.
 *
 * @param callee number to call ({@code CALLEE})
 * @param calleeName name shown on the line's phone while it rings ({@code CALLEE_NAME}), optional
 * @param caller number presented to the callee ({@code CALLER}), optional
 * @param record whether Keyyo records the call ({@code RECORD=1})
 */
public record KeyyoCall(String callee, String calleeName, String caller, boolean record) {

    public KeyyoCall {
        if (callee == null || callee.isBlank()) {
            throw new IllegalArgumentException("Keyyo callee must not be blank");
        }
    }

    /** A plain call to {@code callee}, no name, default caller id, not recorded. */
    public static KeyyoCall to(String callee) {
        return new KeyyoCall(callee, null, null, false);
    }
}

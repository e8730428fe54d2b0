package io.switchboard.pms.fias;

/**
 * Bytes the {@link FiasFrameDecoder} dropped, and why. The stream goes on: the next good frame
 * is still decoded.
 *
 * @param kind what was wrong
 * @param byteCount how many bytes were dropped (including STX/ETX of a dropped frame)
 * @param formatReason for {@link Kind#MALFORMED_RECORD}, the grammar rule broken; otherwise null
 * @param detail a readable explanation; for garbage, the first bytes in hex (no field values)
 */
public record FiasSkip(Kind kind, long byteCount, FiasFormatException.Reason formatReason, String detail) {

    public enum Kind {
        /** Bytes outside any STX … ETX frame (reported when a frame starts or the run gets long). */
        GARBAGE,
        /** A frame cut short: a new STX arrived, or the stream ended, before its ETX. */
        TRUNCATED_FRAME,
        /** A frame longer than the codec's limit; dropped up to its ETX or the next STX. */
        OVERSIZED_FRAME,
        /** A complete frame whose record does not follow the grammar or the charset. */
        MALFORMED_RECORD
    }

    @Override
    public String toString() {
        return kind + " (" + byteCount + " bytes" + (formatReason == null ? "" : ", " + formatReason) + "): " + detail;
    }
}

package io.switchboard.pms.fias;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a FIAS byte stream, split anywhere (TCP), into records. Feed it every chunk read from the
 * socket ({@code feed(buf, 0, n)}) and handle the records it returns; call {@link #endOfStream()}
 * when the peer closes. One decoder per connection; not thread-safe (one reader thread).
 *
 * <p>It never throws on bad input and never loses the next good frame: bytes outside STX … ETX,
 * truncated frames (a new STX before the ETX), oversized frames and malformed records are dropped
 * and reported to the skip listener as {@link FiasSkip}. Its buffer never exceeds the codec's
 * {@link FiasCodec#maxRecordBytes()}. The records and the skips do not depend on how the stream
 * was split; skips are reported while a chunk is fed, the records it completed are returned after.
 */
public final class FiasFrameDecoder {

    private static final int EXCERPT_BYTES = 16;

    private enum State {
        OUTSIDE,
        IN_FRAME,
        DISCARDING
    }

    private final FiasCodec codec;
    private final Consumer<FiasSkip> onSkip;
    private final byte[] buffer;
    private final byte[] excerpt = new byte[EXCERPT_BYTES];
    private State state = State.OUTSIDE;
    private int length;
    private long garbage;
    private long discarded;

    public FiasFrameDecoder(FiasCodec codec, Consumer<FiasSkip> onSkip) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.onSkip = Objects.requireNonNull(onSkip, "onSkip");
        this.buffer = new byte[codec.maxRecordBytes()];
    }

    public List<FiasRecord> feed(byte[] chunk) {
        return feed(chunk, 0, chunk.length);
    }

    /** Consumes {@code length} bytes of {@code chunk}; returns the records completed by them. */
    public List<FiasRecord> feed(byte[] chunk, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, chunk.length);
        List<FiasRecord> records = new ArrayList<>(1);
        for (int i = offset; i < offset + count; i++) {
            accept(chunk[i], records);
        }
        return records;
    }

    /** Consumes the remaining bytes of {@code chunk}. */
    public List<FiasRecord> feed(ByteBuffer chunk) {
        List<FiasRecord> records = new ArrayList<>(1);
        while (chunk.hasRemaining()) {
            accept(chunk.get(), records);
        }
        return records;
    }

    /** The peer closed: reports a frame cut short or trailing garbage, and starts afresh. */
    public void endOfStream() {
        switch (state) {
            case OUTSIDE -> reportGarbage();
            case IN_FRAME -> skip(FiasSkip.Kind.TRUNCATED_FRAME, length + 1L, "the stream ended inside a frame");
            case DISCARDING -> reportOversized();
        }
        state = State.OUTSIDE;
        length = 0;
    }

    /** Bytes held for an incomplete frame. */
    public int bufferedBytes() {
        return length;
    }

    private void accept(byte b, List<FiasRecord> records) {
        switch (state) {
            case OUTSIDE -> outside(b);
            case IN_FRAME -> inFrame(b, records);
            case DISCARDING -> discarding(b);
        }
    }

    private void outside(byte b) {
        if (b == FiasCodec.STX) {
            reportGarbage();
            startFrame();
            return;
        }
        if (garbage < EXCERPT_BYTES) {
            excerpt[(int) garbage] = b;
        }
        garbage++;
        if (garbage >= buffer.length) {
            reportGarbage();
        }
    }

    private void inFrame(byte b, List<FiasRecord> records) {
        if (b == FiasCodec.ETX) {
            completeFrame(records);
        } else if (b == FiasCodec.STX) {
            skip(FiasSkip.Kind.TRUNCATED_FRAME, length + 1L, "a new STX arrived before the ETX of the frame");
            startFrame();
        } else if (length == buffer.length) {
            discarded = length + 2L;
            length = 0;
            state = State.DISCARDING;
        } else {
            buffer[length++] = b;
        }
    }

    private void discarding(byte b) {
        if (b == FiasCodec.STX) {
            reportOversized();
            startFrame();
        } else {
            discarded++;
            if (b == FiasCodec.ETX) {
                reportOversized();
                state = State.OUTSIDE;
            }
        }
    }

    private void startFrame() {
        state = State.IN_FRAME;
        length = 0;
    }

    private void completeFrame(List<FiasRecord> records) {
        int frameBytes = length + 2;
        state = State.OUTSIDE;
        length = 0;
        try {
            records.add(codec.decodeText(buffer, 0, frameBytes - 2));
        } catch (FiasFormatException e) {
            onSkip.accept(new FiasSkip(FiasSkip.Kind.MALFORMED_RECORD, frameBytes, e.reason(), e.getMessage()));
        }
    }

    private void reportGarbage() {
        if (garbage == 0) {
            return;
        }
        StringBuilder hex = new StringBuilder("bytes outside STX … ETX, starting ");
        for (int i = 0; i < Math.min(garbage, EXCERPT_BYTES); i++) {
            hex.append(String.format("%02X ", excerpt[i] & 0xFF));
        }
        if (garbage > EXCERPT_BYTES) {
            hex.append("…");
        }
        skip(FiasSkip.Kind.GARBAGE, garbage, hex.toString().trim());
        garbage = 0;
    }

    private void reportOversized() {
        skip(FiasSkip.Kind.OVERSIZED_FRAME, discarded, "frame longer than " + buffer.length + " bytes");
        discarded = 0;
    }

    private void skip(FiasSkip.Kind kind, long bytes, String detail) {
        onSkip.accept(new FiasSkip(kind, bytes, null, detail));
    }
}

package io.switchboard.pms.fias;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Bytes ↔ {@link FiasRecord} for one link: frames are {@code STX}(0x02) record {@code ETX}(0x03),
 * the record text is in the link's character set (often CP850 = {@code IBM850}). Thread-safe.
 *
 * <p>Round trip is byte-exact: {@code encode(decode(frame))} equals {@code frame} for every frame
 * that decodes. Unmappable or malformed bytes are refused, never replaced.
 */
public final class FiasCodec {

    public static final byte STX = 0x02;
    public static final byte ETX = 0x03;
    /** Record text limit (bytes between STX and ETX) unless configured otherwise. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 4096;
    /** The usual FIAS character set, DOS Latin-1. */
    public static final Charset CP850 = Charset.forName("IBM850");

    private static final String ASCII_PROBE = "\u0002\u0003|AZ09#";

    private final Charset charset;
    private final int maxRecordBytes;

    /**
     * @param charset the link's character set; must write ASCII as single bytes (CP850, ISO-8859-x,
     *     windows-125x, UTF-8 …) so that STX, ETX and {@code |} can never appear inside a character
     * @param maxRecordBytes longest record text accepted or written, in bytes, excluding STX/ETX
     */
    public FiasCodec(Charset charset, int maxRecordBytes) {
        this.charset = Objects.requireNonNull(charset, "charset");
        if (!Arrays.equals(ASCII_PROBE.getBytes(charset), ASCII_PROBE.getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("FIAS needs an ASCII-compatible charset, got " + charset.name());
        }
        if (maxRecordBytes < 3) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 3, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    public static FiasCodec of(Charset charset) {
        return new FiasCodec(charset, DEFAULT_MAX_RECORD_BYTES);
    }

    public static FiasCodec cp850() {
        return of(CP850);
    }

    public Charset charset() {
        return charset;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** The framed record: STX, record text in the link's charset, ETX. */
    public byte[] encode(FiasRecord record) {
        byte[] text = encodeText(record);
        byte[] frame = new byte[text.length + 2];
        frame[0] = STX;
        System.arraycopy(text, 0, frame, 1, text.length);
        frame[frame.length - 1] = ETX;
        return frame;
    }

    /** The record text without framing. */
    public byte[] encodeText(FiasRecord record) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes;
        try {
            bytes = encoder.encode(CharBuffer.wrap(record.toWire()));
        } catch (CharacterCodingException e) {
            throw new FiasFormatException(Reason.BAD_ENCODING, "record " + record.type() + ": field "
                    + unwritableField(record) + " has a character that " + charset.name() + " cannot represent");
        }
        if (bytes.remaining() > maxRecordBytes) {
            throw new FiasFormatException(Reason.OVERSIZED, "record " + record.type() + " is " + bytes.remaining()
                    + " bytes, the limit is " + maxRecordBytes);
        }
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }

    private String unwritableField(FiasRecord record) {
        CharsetEncoder encoder = charset.newEncoder();
        return record.fields().stream()
                .filter(f -> !encoder.canEncode(f.value()))
                .map(FiasField::code)
                .findFirst()
                .orElse("?");
    }

    /** Decodes one whole frame: exactly STX, record text, ETX. */
    public FiasRecord decode(byte[] frame) {
        if (frame.length < 2 || frame[0] != STX || frame[frame.length - 1] != ETX) {
            throw new FiasFormatException(
                    Reason.BAD_FRAMING, "a FIAS frame must start with STX (0x02) and end with ETX (0x03)");
        }
        return decodeText(frame, 1, frame.length - 2);
    }

    /** Decodes record text (what lies between STX and ETX). */
    public FiasRecord decodeText(byte[] bytes, int offset, int length) {
        if (length > maxRecordBytes) {
            throw new FiasFormatException(
                    Reason.OVERSIZED, "record is " + length + " bytes, the limit is " + maxRecordBytes);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
        } catch (CharacterCodingException e) {
            throw new FiasFormatException(Reason.BAD_ENCODING, "record holds bytes that are not valid " + charset.name());
        }
        return FiasRecord.parse(text);
    }

    /** A new streaming decoder for one connection; skipped bytes are reported to {@code onSkip}. */
    public FiasFrameDecoder newDecoder(Consumer<FiasSkip> onSkip) {
        return new FiasFrameDecoder(this, onSkip);
    }
}

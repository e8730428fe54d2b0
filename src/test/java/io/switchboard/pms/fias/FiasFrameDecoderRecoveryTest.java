package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import io.switchboard.pms.fias.FiasSkip.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiasFrameDecoderRecoveryTest {

    private static final FiasCodec CODEC = FiasCodec.cp850();
    private static final FiasRecord GOOD = FiasRecord.parse("PA|RN2781|ASOK|P#1729|");

    private final List<FiasSkip> skips = new ArrayList<>();

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof FiasRecord record) {
                out.writeBytes(CODEC.encode(record));
            } else if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        return out.toByteArray();
    }

    private List<FiasRecord> decode(FiasCodec codec, byte[] stream) {
        FiasFrameDecoder decoder = codec.newDecoder(skips::add);
        List<FiasRecord> records = new ArrayList<>(decoder.feed(stream));
        decoder.endOfStream();
        return records;
    }

    @Test
    void garbageBetweenFramesIsSkippedAndReported() {
        List<FiasRecord> records = decode(CODEC, bytes(GOOD, "\r\nnoise", GOOD, "x"));

        assertThat(records).containsExactly(GOOD, GOOD);
        assertThat(skips).extracting(FiasSkip::kind, FiasSkip::byteCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.GARBAGE, 7L), org.assertj.core.groups.Tuple.tuple(Kind.GARBAGE, 1L));
        assertThat(skips.get(0).detail()).endsWith("0D 0A 6E 6F 69 73 65");
    }

    @Test
    void aFrameCutShortByTheNextStxIsDroppedAndTheNextFrameKept() {
        List<FiasRecord> records = decode(CODEC, bytes("\u0002PS|RN2781|PTC|TA10", GOOD));

        assertThat(records).containsExactly(GOOD);
        assertThat(skips).singleElement().satisfies(skip -> {
            assertThat(skip.kind()).isEqualTo(Kind.TRUNCATED_FRAME);
            assertThat(skip.byteCount()).isEqualTo(19);
        });
    }

    @Test
    void aFrameCutShortByTheEndOfTheStreamIsReported() {
        List<FiasRecord> records = decode(CODEC, bytes(GOOD, "\u0002PS|RN27"));

        assertThat(records).containsExactly(GOOD);
        assertThat(skips).singleElement().satisfies(skip -> {
            assertThat(skip.kind()).isEqualTo(Kind.TRUNCATED_FRAME);
            assertThat(skip.detail()).isEqualTo("the stream ended inside a frame");
        });
    }

    @Test
    void aMalformedRecordIsReportedWithItsReasonAndTheStreamGoesOn() {
        List<FiasRecord> records = decode(CODEC, bytes("\u0002PS|RN2781|TA\u0003", "\u0002P1|\u0003", GOOD));

        assertThat(records).containsExactly(GOOD);
        assertThat(skips).extracting(FiasSkip::kind).containsOnly(Kind.MALFORMED_RECORD);
        assertThat(skips).extracting(FiasSkip::formatReason)
                .containsExactly(Reason.MISSING_TRAILING_SEPARATOR, Reason.BAD_RECORD_TYPE);
        assertThat(skips.get(0).byteCount()).isEqualTo(14);
    }

    @Test
    void anOversizedFrameIsDroppedWithoutGrowingTheBuffer() {
        FiasCodec small = new FiasCodec(FiasCodec.CP850, 32);
        FiasFrameDecoder decoder = small.newDecoder(skips::add);
        String huge = "\u0002XL|MT" + "a".repeat(10_000) + "|\u0003";

        List<FiasRecord> records = new ArrayList<>(decoder.feed(bytes(huge)));
        assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(32);
        records.addAll(decoder.feed(bytes(GOOD)));

        assertThat(records).containsExactly(GOOD);
        assertThat(skips).singleElement().satisfies(skip -> {
            assertThat(skip.kind()).isEqualTo(Kind.OVERSIZED_FRAME);
            assertThat(skip.byteCount()).isEqualTo(huge.length());
        });
    }

    @Test
    void anOversizedFrameWithoutEtxEndsAtTheNextStx() {
        FiasCodec small = new FiasCodec(FiasCodec.CP850, 32);
        String unterminated = "\u0002XL|MT" + "b".repeat(100);

        List<FiasRecord> records = decode(small, bytes(unterminated, GOOD));

        assertThat(records).containsExactly(GOOD);
        assertThat(skips).singleElement().satisfies(skip -> {
            assertThat(skip.kind()).isEqualTo(Kind.OVERSIZED_FRAME);
            assertThat(skip.byteCount()).isEqualTo(unterminated.length());
        });
    }

    @Test
    void aLongRunOfGarbageIsReportedInBoundedPieces() {
        FiasCodec small = new FiasCodec(FiasCodec.CP850, 64);

        List<FiasRecord> records = decode(small, bytes("z".repeat(200), GOOD));

        assertThat(records).containsExactly(GOOD);
        assertThat(skips).extracting(FiasSkip::byteCount).containsExactly(64L, 64L, 64L, 8L);
        assertThat(skips.get(0).detail()).endsWith("7A 7A …");
    }

    @Test
    void aStrayEtxOutsideAFrameIsGarbage() {
        List<FiasRecord> records = decode(CODEC, bytes("\u0003", GOOD));

        assertThat(records).containsExactly(GOOD);
        assertThat(skips).extracting(FiasSkip::kind).containsExactly(Kind.GARBAGE);
    }
}

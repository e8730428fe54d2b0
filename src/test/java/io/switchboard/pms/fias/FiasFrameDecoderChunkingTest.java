package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiasFrameDecoderChunkingTest {

    private static final FiasCodec CODEC = FiasCodec.cp850();
    private static final List<FiasRecord> RECORDS = List.of(
            FiasRecord.parse("LS|DA250115|TI123545|"),
            FiasRecord.parse("GI|RN2781|G#4711|GNMüller, Jürgen|GLGE|GSN|"),
            FiasRecord.parse("PA|RN2781|ASOK|P#1729|DA250115|TI123545|"),
            FiasRecord.parse("LE|"));

    private static byte[] stream(byte[] between) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FiasRecord record : RECORDS) {
            out.writeBytes(CODEC.encode(record));
            out.writeBytes(between);
        }
        return out.toByteArray();
    }

    /** Feeds {@code bytes} in chunks ending at {@code cuts}; returns records and skips seen. */
    private static List<Object> decode(byte[] bytes, int... cuts) {
        List<Object> seen = new ArrayList<>();
        FiasFrameDecoder decoder = CODEC.newDecoder(seen::add);
        int from = 0;
        for (int cut : cuts) {
            seen.addAll(decoder.feed(bytes, from, cut - from));
            from = cut;
        }
        seen.addAll(decoder.feed(bytes, from, bytes.length - from));
        decoder.endOfStream();
        return seen;
    }

    @Test
    void oneChunkYieldsEveryRecord() {
        assertThat(decode(stream(new byte[0]))).containsExactlyElementsOf(RECORDS);
    }

    @Test
    void splitAtEveryBytePositionYieldsTheSameRecords() {
        byte[] bytes = stream(new byte[0]);
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertThat(decode(bytes, cut)).as("split at %d", cut).containsExactlyElementsOf(RECORDS);
        }
    }

    @Test
    void splitAtEveryPairOfPositionsIncludingGarbageGivesIdenticalResults() {
        byte[] bytes = stream(new byte[] {'\r', '\n'});
        List<Object> whole = decode(bytes);
        assertThat(whole).filteredOn(FiasRecord.class::isInstance).containsExactlyElementsOf(RECORDS);
        assertThat(whole).filteredOn(FiasSkip.class::isInstance).hasSize(RECORDS.size());

        // skips are reported while a chunk is fed, records returned when it is done: compare each stream
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                List<Object> split = decode(bytes, first, second);
                assertThat(split).as("cuts %d, %d", first, second).filteredOn(FiasRecord.class::isInstance)
                        .isEqualTo(whole.stream().filter(FiasRecord.class::isInstance).toList());
                assertThat(split).as("cuts %d, %d", first, second).filteredOn(FiasSkip.class::isInstance)
                        .isEqualTo(whole.stream().filter(FiasSkip.class::isInstance).toList());
            }
        }
    }

    @Test
    void byteByByteFeedingWorksAndBuffersOnlyTheOpenFrame() {
        byte[] bytes = stream(new byte[0]);
        FiasFrameDecoder decoder = CODEC.newDecoder(skip -> {
            throw new AssertionError("unexpected skip " + skip);
        });
        List<FiasRecord> records = new ArrayList<>();
        int maxBuffered = 0;
        for (byte b : bytes) {
            records.addAll(decoder.feed(new byte[] {b}));
            maxBuffered = Math.max(maxBuffered, decoder.bufferedBytes());
        }

        assertThat(records).containsExactlyElementsOf(RECORDS);
        assertThat(decoder.bufferedBytes()).isZero();
        assertThat(maxBuffered).isEqualTo(RECORDS.stream().mapToInt(r -> CODEC.encodeText(r).length).max().orElseThrow());
    }

    @Test
    void byteBuffersAndOffsetsAreHonoured() {
        byte[] bytes = stream(new byte[0]);
        byte[] padded = new byte[bytes.length + 10];
        Arrays.fill(padded, (byte) 0x02); // STX around the slice must not be read
        System.arraycopy(bytes, 0, padded, 5, bytes.length);

        FiasFrameDecoder decoder = CODEC.newDecoder(skip -> {});
        assertThat(decoder.feed(padded, 5, bytes.length)).containsExactlyElementsOf(RECORDS);
        assertThat(CODEC.newDecoder(skip -> {}).feed(ByteBuffer.wrap(bytes))).containsExactlyElementsOf(RECORDS);
    }
}

package io.switchboard.pms.fias;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class FiasCodecRoundTripTest {

    private static final FiasCodec CP850 = FiasCodec.cp850();

    static byte[] frame(FiasCodec codec, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FiasCodec.STX);
        out.writeBytes(text.getBytes(codec.charset()));
        out.write(FiasCodec.ETX);
        return out.toByteArray();
    }

    @Test
    void framesWithStxAndEtx() {
        byte[] bytes = CP850.encode(FiasRecord.parse("LS|DA250115|TI123545|"));

        assertThat(bytes).startsWith(0x02).endsWith(0x03);
        assertThat(new String(bytes, 1, bytes.length - 2, UTF_8)).isEqualTo("LS|DA250115|TI123545|");
    }

    @Test
    void theDocumentedPostingRoundTripsByteExact() {
        byte[] frame = frame(CP850, "PS|RN2781|PTC|TA1050|DA250115|TI123545|P#1729|DD004989920920|");

        FiasRecord ps = CP850.decode(frame);

        assertThat(ps.value("DD")).contains("004989920920");
        assertThat(CP850.encode(ps)).isEqualTo(frame);
    }

    @Test
    void cp850NameWithUmlautIsOneByteOnTheWire() {
        FiasRecord gi = FiasRecord.of("GI", "RN", "2781", "GN", "Müller", "GL", "GE");

        byte[] bytes = CP850.encode(gi);

        // 'ü' is 0x81 in code page 850 (it would be 0xFC in Latin-1 and C3 BC in UTF-8)
        assertThat(bytes).containsSequence('G', 'N', 'M', (byte) 0x81, 'l', 'l', 'e', 'r', '|');
        assertThat(CP850.decode(bytes).value("GN")).contains("Müller");
    }

    @Test
    void everyPrintableCp850ByteSurvivesTheRoundTrip() {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (int b = 0x20; b <= 0xFF; b++) {
            if (b != '|' && b != 0x7F) {
                value.write(b);
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(FiasCodec.STX);
        frame.writeBytes("XL|MT".getBytes(UTF_8));
        frame.writeBytes(value.toByteArray());
        frame.writeBytes("|".getBytes(UTF_8));
        frame.write(FiasCodec.ETX);

        FiasRecord xl = CP850.decode(frame.toByteArray());

        assertThat(xl.value("MT").orElseThrow()).hasSize(value.size() - 0);
        assertThat(CP850.encode(xl)).isEqualTo(frame.toByteArray());
    }

    @Test
    void otherAsciiCompatibleCharsetsWork() {
        FiasCodec utf8 = FiasCodec.of(UTF_8);
        FiasCodec latin1 = FiasCodec.of(ISO_8859_1);
        FiasRecord gn = FiasRecord.of("GC", "RN", "12", "GN", "Jürgen Ørsted");

        assertThat(utf8.decode(utf8.encode(gn))).isEqualTo(gn);
        assertThat(latin1.decode(latin1.encode(gn))).isEqualTo(gn);
        assertThat(utf8.encode(gn)).hasSize(latin1.encode(gn).length + 2);
    }
}

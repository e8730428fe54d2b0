package io.switchboard.pms.fias;

import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import org.junit.jupiter.api.Test;

class FiasCodecRejectionTest {

    private static final FiasCodec CP850 = FiasCodec.cp850();

    @Test
    void framesWithoutStxOrEtxAreRefused() {
        assertThatThrownBy(() -> CP850.decode("LS|DA250115|".getBytes(UTF_8)))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_FRAMING);
        assertThatThrownBy(() -> CP850.decode(new byte[] {0x02, 'L', 'S', '|'}))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_FRAMING);
        assertThatThrownBy(() -> CP850.decode(new byte[] {0x03}))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_FRAMING);
    }

    @Test
    void oversizedRecordsAreRefusedBothWays() {
        FiasCodec small = new FiasCodec(FiasCodec.CP850, 16);
        FiasRecord big = FiasRecord.of("XL", "MT", "a message that is too long");

        assertThatThrownBy(() -> small.encode(big))
                .hasFieldOrPropertyWithValue("reason", Reason.OVERSIZED)
                .hasMessage("record XL is 32 bytes, the limit is 16");
        assertThatThrownBy(() -> small.decode(CP850.encode(big)))
                .hasFieldOrPropertyWithValue("reason", Reason.OVERSIZED);
    }

    @Test
    void charactersTheLinkCannotWriteAreRefusedNotReplaced() {
        assertThatThrownBy(() -> CP850.encode(FiasRecord.of("GI", "RN", "1", "GN", "王小明")))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_ENCODING)
                .hasMessage("record GI: field GN has a character that IBM850 cannot represent");
    }

    @Test
    void bytesThatAreNotValidInTheCharsetAreRefused() {
        FiasCodec utf8 = FiasCodec.of(UTF_8);
        byte[] frame = {0x02, 'G', 'I', '|', 'G', 'N', (byte) 0xFC, '|', 0x03};

        assertThatThrownBy(() -> utf8.decode(frame))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_ENCODING)
                .hasMessage("record holds bytes that are not valid UTF-8");
    }

    @Test
    void controlBytesInsideAFrameAreRefused() {
        byte[] frame = {0x02, 'G', 'I', '|', 'G', 'N', 'A', 0x00, 'B', '|', 0x03};

        assertThatThrownBy(() -> CP850.decode(frame)).hasFieldOrPropertyWithValue("reason", Reason.CONTROL_CHARACTER);
    }

    @Test
    void charsetsThatAreNotAsciiCompatibleAreRefusedUpFront() {
        assertThatThrownBy(() -> FiasCodec.of(UTF_16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ASCII-compatible");
    }
}

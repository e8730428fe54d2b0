package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.fias.FiasGuestEvent.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FiasGuestEventTest {

    @Test
    void checkInFromCp850BytesKeepsTheUmlaut() {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x02);
        frame.writeBytes("GI|RN2781|G#4711|GNM".getBytes(StandardCharsets.US_ASCII));
        frame.write(0x81); // ü in code page 850
        frame.writeBytes("ller|GLGE|GSN|A0VIP|".getBytes(StandardCharsets.US_ASCII));
        frame.write(0x03);

        FiasRecord record = FiasCodec.cp850().decode(frame.toByteArray());
        FiasGuestEvent gi = FiasGuestEvent.from(record);

        assertThat(gi).isEqualTo(new FiasGuestEvent(Kind.CHECK_IN, "2781", "4711", "Müller", "GE", false, null, false));
        assertThat(record.value("A0")).contains("VIP");
    }

    @Test
    void checkOutNeedsOnlyTheRoom() {
        FiasGuestEvent go = FiasGuestEvent.from(FiasRecord.parse("GO|RN2781|G#4711|DA250116|TI110000|"));

        assertThat(go.kind()).isEqualTo(Kind.CHECK_OUT);
        assertThat(go.reservation()).isEqualTo("4711");
        assertThat(go.name()).isNull();
        assertThat(go.shared()).isNull();
    }

    @Test
    void roomMoveCarriesTheOldRoom() {
        FiasGuestEvent gc = FiasGuestEvent.from(FiasRecord.parse("GC|RO2781|RN3104|G#4711|GNMüller|GLEA|GSY|"));

        assertThat(gc.kind()).isEqualTo(Kind.CHANGE);
        assertThat(gc.room()).isEqualTo("3104");
        assertThat(gc.oldRoom()).isEqualTo("2781");
        assertThat(gc.language()).isEqualTo("EA");
        assertThat(gc.shared()).isTrue();
    }

    @Test
    void resyncReplaysAreFlaggedWithSf() {
        FiasGuestEvent replay = FiasGuestEvent.from(FiasRecord.parse("GI|RN2781|G#4711|GNMüller|SF|"));

        assertThat(replay.resync()).isTrue();
        assertThat(replay.toRecord().toWire()).isEqualTo("GI|RN2781|G#4711|GNMüller|SF|");
    }

    @Test
    void builtEventsWriteFieldsInAFixedOrder() {
        FiasGuestEvent gi = new FiasGuestEvent(Kind.CHECK_IN, "2781", "4711", "Müller", "GE", false, null, false);

        assertThat(gi.toRecord().toWire()).isEqualTo("GI|RN2781|G#4711|GNMüller|GLGE|GSN|");
    }

    @Test
    void wrongTypeMissingRoomOrBadFlagAreRefused() {
        assertThatThrownBy(() -> FiasGuestEvent.from(FiasRecord.parse("PS|RN1|")))
                .hasMessage("expected a GI, GO or GC record, got PS");
        assertThatThrownBy(() -> FiasGuestEvent.from(FiasRecord.parse("GI|GNMüller|")))
                .hasMessage("record GI has no field RN");
        assertThatThrownBy(() -> FiasGuestEvent.from(FiasRecord.parse("GI|RN1|GSX|")))
                .hasMessage("field GS is not a Y/N flag: X");
    }
}

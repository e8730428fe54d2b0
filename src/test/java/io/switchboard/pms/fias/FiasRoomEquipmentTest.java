package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FiasRoomEquipmentTest {

    @Test
    void fromThePmsClassOfServiceDndAndMessageLamp() {
        FiasRoomEquipment re = FiasRoomEquipment.from(FiasRecord.parse("RE|RN2781|CS2|DNY|MLN|"));

        assertThat(re).isEqualTo(new FiasRoomEquipment("2781", 2, true, false, null));
        assertThat(re.toRecord().toWire()).isEqualTo("RE|RN2781|CS2|DNY|MLN|");
    }

    @Test
    void partialUpdatesLeaveTheOtherSettingsUnknown() {
        FiasRoomEquipment re = FiasRoomEquipment.from(FiasRecord.parse("RE|MLY|RN2781|"));

        assertThat(re.messageLamp()).isTrue();
        assertThat(re.classOfService()).isNull();
        assertThat(re.doNotDisturb()).isNull();
    }

    @Test
    void toThePmsMaidStatus() {
        assertThat(FiasRoomEquipment.maidStatus("2781", "1").toRecord().toWire()).isEqualTo("RE|RN2781|RS1|");
    }

    @Test
    void classOfServiceOutsideZeroToThreeIsRefused() {
        assertThatThrownBy(() -> FiasRoomEquipment.from(FiasRecord.parse("RE|RN1|CS4|")))
                .hasMessage("field CS must be 0..3, got '4'");
        assertThatThrownBy(() -> new FiasRoomEquipment("1", -1, null, null, null))
                .hasMessage("field CS must be 0..3, got -1");
    }
}

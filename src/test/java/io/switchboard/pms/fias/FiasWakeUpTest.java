package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class FiasWakeUpTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 16);
    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    @Test
    void setAndClearFromThePms() {
        assertThat(FiasWakeUp.from(FiasRecord.parse("WR|RN2781|DA250116|TI070000|")))
                .isEqualTo(FiasWakeUp.set("2781", DAY, SEVEN));
        assertThat(FiasWakeUp.from(FiasRecord.parse("WC|TI070000|RN2781|")))
                .isEqualTo(FiasWakeUp.clear("2781", null, SEVEN));
    }

    @Test
    void setFromTheRoomPhoneAndTheFinalAnswer() {
        assertThat(FiasWakeUp.set("2781", DAY, SEVEN).toRecord().toWire()).isEqualTo("WR|RN2781|DA250116|TI070000|");
        assertThat(FiasWakeUp.answer("2781", DAY, SEVEN, FiasWakeUp.NO_ANSWER).toRecord().toWire())
                .isEqualTo("WA|RN2781|DA250116|TI070000|ASNR|");
        assertThat(FiasWakeUp.from(FiasRecord.parse("WA|RN2781|DA250116|TI070000|ASBY|")).status())
                .isEqualTo(FiasWakeUp.BUSY);
    }

    @Test
    void missingTimeOrStatusIsRefused() {
        assertThatThrownBy(() -> FiasWakeUp.from(FiasRecord.parse("WR|RN2781|DA250116|")))
                .hasMessage("record WR has no time (TI)");
        assertThatThrownBy(() -> FiasWakeUp.from(FiasRecord.parse("WA|RN2781|TI070000|")))
                .hasMessage("record WA has no field AS");
        assertThatThrownBy(() -> new FiasWakeUp(FiasWakeUp.Kind.SET, "1", null, SEVEN, "OK"))
                .hasMessage("only a WA carries a status (AS)");
    }
}

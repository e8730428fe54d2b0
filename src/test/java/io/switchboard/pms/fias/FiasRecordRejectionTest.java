package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class FiasRecordRejectionTest {

    private static AbstractThrowableAssert<?, ?> parsing(String text, Reason reason) {
        return assertThatThrownBy(() -> FiasRecord.parse(text))
                .isInstanceOf(FiasFormatException.class)
                .hasFieldOrPropertyWithValue("reason", reason);
    }

    @Test
    void recordTypeMustBeTwoUpperCaseLettersThenSeparator() {
        parsing("ls|DA250115|", Reason.BAD_RECORD_TYPE).hasMessageContaining("'ls'");
        parsing("L1|DA250115|", Reason.BAD_RECORD_TYPE);
        parsing("LSX|DA250115|", Reason.BAD_RECORD_TYPE).hasMessageContaining("'LSX'");
        parsing("", Reason.BAD_RECORD_TYPE);
        parsing("L", Reason.BAD_RECORD_TYPE);
    }

    @Test
    void fieldWithoutTwoCharacterCodeIsRefused() {
        parsing("LS||TI123545|", Reason.BAD_FIELD_CODE).hasMessageContaining("field 1 at offset 3");
        parsing("LS|DA250115|T|", Reason.BAD_FIELD_CODE).hasMessageContaining("field 2");
        parsing("LS|da250115|", Reason.BAD_FIELD_CODE).hasMessageContaining("'da'");
        parsing("LS|D-250115|", Reason.BAD_FIELD_CODE);
    }

    @Test
    void missingTrailingSeparatorIsRefused() {
        parsing("LS", Reason.MISSING_TRAILING_SEPARATOR);
        parsing("LS|DA250115|TI123545", Reason.MISSING_TRAILING_SEPARATOR)
                .hasMessageContaining("field 2 at offset 12 is not terminated");
    }

    @Test
    void controlCharactersInsideAFieldAreRefusedWithoutQuotingTheValue() {
        parsing("GI|RN101|GNSmith\tJohn|", Reason.CONTROL_CHARACTER)
                .hasMessageContaining("field GN")
                .hasMessageContaining("0x09")
                .hasMessageNotContaining("Smith");
        parsing("GI|RN1\u0003|", Reason.CONTROL_CHARACTER);
        parsing("GI|RN1\u007F|", Reason.CONTROL_CHARACTER);
    }

    @Test
    void valuesThatCannotBeWrittenAreRefusedWhenBuilding() {
        assertThatThrownBy(() -> FiasRecord.of("GI", "GN", "A|B"))
                .hasFieldOrPropertyWithValue("reason", Reason.SEPARATOR_IN_VALUE);
        assertThatThrownBy(() -> FiasRecord.of("GI", "GN", "A\nB"))
                .hasFieldOrPropertyWithValue("reason", Reason.CONTROL_CHARACTER);
        assertThatThrownBy(() -> FiasRecord.of("GI", "G", "x"))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_FIELD_CODE);
        assertThatThrownBy(() -> FiasRecord.of("G1"))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_RECORD_TYPE);
    }

    @Test
    void typedAccessorsNameTheMissingOrWrongField() {
        FiasRecord pa = FiasRecord.parse("PA|RN2781|DA251332|");

        assertThatThrownBy(() -> pa.require("AS"))
                .hasFieldOrPropertyWithValue("reason", Reason.MISSING_FIELD)
                .hasMessage("record PA has no field AS");
        assertThatThrownBy(() -> pa.date("DA"))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_VALUE)
                .hasMessageContaining("field DA");
        assertThatThrownBy(() -> pa.expectType("PS"))
                .hasFieldOrPropertyWithValue("reason", Reason.WRONG_RECORD_TYPE)
                .hasMessage("expected a PS record, got PA");
    }
}

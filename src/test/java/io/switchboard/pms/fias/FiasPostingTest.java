package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FiasPostingTest {

    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 15, 12, 35, 45);

    @Test
    void directChargeIsTheDocumentedRecord() {
        FiasPosting posting = FiasPosting.directCharge("2781", new BigDecimal("10.50"), null, "004989920920", 1729, START);

        assertThat(posting.toRecord(2).toWire())
                .isEqualTo("PS|RN2781|PTC|TA1050|DA250115|TI123545|P#1729|DD004989920920|");
    }

    @Test
    void pmsPricedPostingCarriesDurationAndDigits() {
        FiasPosting posting = new FiasPosting(
                "101", FiasPosting.Type.PMS_PRICED, null, Duration.ofSeconds(125), "0033123456789", 7, START);

        assertThat(posting.toRecord(2).toWire())
                .isEqualTo("PS|RN101|PTT|DU000205|DA250115|TI123545|P#7|DD0033123456789|");
    }

    @Test
    void aPostingReadsBackInAnyFieldOrder() {
        FiasRecord ps = FiasRecord.parse("PS|P#1729|DD004989920920|TI123545|DA250115|TA1050|PTC|RN2781|");

        FiasPosting posting = FiasPosting.from(ps, 2);

        assertThat(posting).isEqualTo(
                FiasPosting.directCharge("2781", new BigDecimal("10.50"), null, "004989920920", 1729, START));
    }

    @Test
    void theDocumentedAnswerIsOkForSequence1729() {
        FiasPostingAnswer pa = FiasPostingAnswer.from(FiasRecord.parse("PA|RN2781|ASOK|P#1729|DA250115|TI123545|"));

        assertThat(pa.ok()).isTrue();
        assertThat(pa.room()).isEqualTo("2781");
        assertThat(pa.sequence()).isEqualTo(1729L);
        assertThat(pa.answers(1729)).isTrue();
        assertThat(pa.answers(1730)).isFalse();
        assertThat(pa.stamp()).isEqualTo(START);
    }

    @Test
    void anAnswerEchoesThePosting() {
        FiasPosting posting = FiasPosting.directCharge("2781", new BigDecimal("10.50"), null, "004989920920", 1729, START);

        assertThat(FiasPostingAnswer.answering(posting, "OK").toRecord().toWire())
                .isEqualTo("PA|RN2781|ASOK|P#1729|DA250115|TI123545|");
    }

    @Test
    void refusalsAndSparseAnswersAreRead() {
        FiasPostingAnswer refused = FiasPostingAnswer.from(FiasRecord.parse("PA|ASNG|RN2781|P#1729|"));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.status()).isEqualTo("NG");
        assertThat(refused.stamp()).isNull();

        FiasPostingAnswer noSequence = FiasPostingAnswer.from(FiasRecord.parse("PA|DA250115|TI123545|ASUR|RN2781|"));
        assertThat(noSequence.sequence()).isNull();
        assertThat(noSequence.answers(42)).isTrue();

        assertThatThrownBy(() -> FiasPostingAnswer.from(FiasRecord.parse("PA|RN2781|P#1|")))
                .hasMessage("record PA has no field AS");
    }

    @Test
    void sequenceWrapsAfter99999999() {
        assertThat(FiasPosting.nextSequence(1)).isEqualTo(2);
        assertThat(FiasPosting.nextSequence(99_999_999)).isEqualTo(1);
        assertThatThrownBy(() -> FiasPosting.directCharge("1", BigDecimal.ONE, null, "1", 100_000_000, START))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_VALUE);
        assertThatThrownBy(() -> FiasPosting.from(FiasRecord.parse("PS|RN1|PTC|TA1|DA250115|TI123545|P#12a|"), 2))
                .hasMessageContaining("P# must be 1 to 8 digits");
    }

    @Test
    void incompletePostingsAreRefused() {
        assertThatThrownBy(() -> FiasPosting.directCharge("2781", null, null, "0049", 1, START))
                .hasMessage("a PTC posting needs an amount (TA)");
        assertThatThrownBy(() -> new FiasPosting("2781", FiasPosting.Type.PMS_PRICED, null, null, "0049", 1, START))
                .hasMessage("a PTT posting needs a duration (DU) and dialled digits (DD)");
        assertThatThrownBy(() -> FiasPosting.from(FiasRecord.parse("PS|RN1|PTX|TA1|DA250115|TI123545|P#1|"), 2))
                .hasMessage("field PT must be C, T or M, got 'X'");
        assertThatThrownBy(() -> FiasPosting.from(FiasRecord.parse("PS|RN1|PTC|TA1|P#1|"), 2))
                .hasMessage("record PS has no call start (DA and TI)");
        assertThatThrownBy(() -> FiasPosting.directCharge("2781", new BigDecimal("0.001"), null, "1", 1, START)
                        .toRecord(2))
                .hasMessage("amount 0.001 has more than 2 decimals");
    }
}

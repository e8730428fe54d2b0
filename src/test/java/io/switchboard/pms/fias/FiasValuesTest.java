package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class FiasValuesTest {

    @Test
    void datesAreYymmddInThisCentury() {
        assertThat(FiasValues.parseDate("DA", "250115")).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(FiasValues.parseDate("DA", "000229")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(FiasValues.formatDate(LocalDate.of(2025, 1, 15))).isEqualTo("250115");
        assertThat(FiasValues.formatDate(LocalDate.of(2009, 12, 1))).isEqualTo("091201");
    }

    @Test
    void impossibleOrMisshapenDatesAreRefused() {
        for (String bad : new String[] {"250230", "251301", "25011", "2501150", "25-1-1", "230229"}) {
            assertThatThrownBy(() -> FiasValues.parseDate("DA", bad))
                    .as(bad)
                    .hasFieldOrPropertyWithValue("reason", Reason.BAD_VALUE)
                    .hasMessageStartingWith("field DA");
        }
        assertThatThrownBy(() -> FiasValues.formatDate(LocalDate.of(1999, 12, 31)))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_VALUE);
    }

    @Test
    void timesAreHhmmss() {
        assertThat(FiasValues.parseTime("TI", "123545")).isEqualTo(LocalTime.of(12, 35, 45));
        assertThat(FiasValues.parseTime("TI", "000000")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(FiasValues.formatTime(LocalTime.of(7, 5, 9, 999_000_000))).isEqualTo("070509");
        assertThatThrownBy(() -> FiasValues.parseTime("TI", "240000")).hasMessageStartingWith("field TI");
        assertThatThrownBy(() -> FiasValues.parseTime("TI", "1235")).hasMessageContaining("6 digits");
    }

    @Test
    void amountsHaveNoDecimalPointAndAConfigurableScale() {
        assertThat(FiasValues.parseAmount("TA", "1050", 2)).isEqualTo(new BigDecimal("10.50"));
        assertThat(FiasValues.parseAmount("TA", "1050", 0)).isEqualTo(new BigDecimal("1050"));
        assertThat(FiasValues.parseAmount("TA", "1050", 3)).isEqualTo(new BigDecimal("1.050"));
        assertThat(FiasValues.parseAmount("TA", "-250", 2)).isEqualTo(new BigDecimal("-2.50"));
        assertThat(FiasValues.parseAmount("TA", "5", 2)).isEqualTo(new BigDecimal("0.05"));
        assertThat(FiasValues.formatAmount(new BigDecimal("10.5"), 2)).isEqualTo("1050");
        assertThat(FiasValues.formatAmount(new BigDecimal("0.05"), 2)).isEqualTo("5");
        assertThat(FiasValues.formatAmount(new BigDecimal("1050"), 0)).isEqualTo("1050");
    }

    @Test
    void amountsThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> FiasValues.formatAmount(new BigDecimal("10.505"), 2))
                .hasMessage("amount 10.505 has more than 2 decimals");
        assertThatThrownBy(() -> FiasValues.parseAmount("TA", "10.50", 2)).hasMessageStartingWith("field TA");
        assertThatThrownBy(() -> FiasValues.parseAmount("TA", "", 2)).hasMessageStartingWith("field TA");
        assertThatThrownBy(() -> FiasValues.parseAmount("TA", "1050", 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsAreHhmmss() {
        assertThat(FiasValues.parseDuration("DU", "000125")).isEqualTo(Duration.ofSeconds(85));
        assertThat(FiasValues.parseDuration("DU", "013000")).isEqualTo(Duration.ofMinutes(90));
        assertThat(FiasValues.formatDuration(Duration.ofSeconds(3725))).isEqualTo("010205");
        assertThatThrownBy(() -> FiasValues.parseDuration("DU", "006000")).hasMessageStartingWith("field DU");
        assertThatThrownBy(() -> FiasValues.formatDuration(Duration.ofHours(100)))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_VALUE);
    }

    @Test
    void flagsAreYOrN() {
        assertThat(FiasValues.parseFlag("DN", "Y")).isTrue();
        assertThat(FiasValues.parseFlag("DN", "N")).isFalse();
        assertThat(FiasValues.formatFlag(true)).isEqualTo("Y");
        assertThatThrownBy(() -> FiasValues.parseFlag("DN", "1")).hasMessage("field DN is not a Y/N flag: 1");
    }
}

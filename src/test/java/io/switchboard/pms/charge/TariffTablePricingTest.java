package io.switchboard.pms.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.charge.TariffTable.Pricing;
import io.switchboard.pms.charge.TariffTable.Pricing.Verdict;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped config/tariffs.yaml, priced: longest prefix, started minutes, minimum, free numbers. */
class TariffTablePricingTest {

    private final TariffTable shipped = TariffTable.load(Path.of("config/tariffs.yaml"));

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(shipped.price("+33612345678", "0033612345678", 60).destination()).isEqualTo("France mobile");
        assertThat(shipped.price("+33142685300", "0033142685300", 60).destination()).isEqualTo("France");
        assertThat(shipped.price("+33892680000", "0033892680000", 60).destination()).isEqualTo("France premium");
        assertThat(shipped.price("+4989920920", "004989920920", 60).destination()).isEqualTo("International");
    }

    @Test
    void everyStartedMinuteIsBilled() {
        assertThat(shipped.price("+33612345678", null, 60)).isEqualTo(charged("0.50", "France mobile", 1));
        assertThat(shipped.price("+33612345678", null, 61)).isEqualTo(charged("0.90", "France mobile", 2));
        assertThat(shipped.price("+33612345678", null, 125)).isEqualTo(charged("1.35", "France mobile", 3));
        assertThat(shipped.price("+4989920920", null, 1)).isEqualTo(charged("1.20", "International", 1));
    }

    @Test
    void aShortCallCostsTheMinimum() {
        assertThat(shipped.price("+33142685300", null, 10)).isEqualTo(charged("0.50", "France", 1));
        assertThat(shipped.price("+33142685300", null, 180)).isEqualTo(charged("0.60", "France", 3));
    }

    @Test
    void freeNumbersAndUnansweredCallsCostNothing() {
        assertThat(shipped.price("112", "112", 300).verdict()).isEqualTo(Verdict.FREE);
        assertThat(shipped.price("+33800123456", "0800123456", 300).verdict()).isEqualTo(Verdict.FREE);
        assertThat(shipped.price("+33612345678", "15", 300).verdict()).isEqualTo(Verdict.FREE);
        assertThat(shipped.price("+33612345678", null, 0).verdict()).isEqualTo(Verdict.FREE);
    }

    @Test
    void aNumberNoRateMatchesIsNotPriced() {
        assertThat(shipped.price("3000", "3000", 60).verdict()).isEqualTo(Verdict.NO_RATE);
    }

    @Test
    void amountsAreRoundedHalfUpToTheCurrencyDecimals() {
        TariffTable table = TariffTable.fromMap(Map.of(
                "currency", "EUR",
                "decimals", 2,
                "rates", List.of(
                        Map.of("prefix", "+1", "name", "A", "per-minute", "0.335"),
                        Map.of("prefix", "+2", "name", "B", "per-minute", "0.334"))));

        assertThat(table.price("+15551234", null, 60).amount()).isEqualByComparingTo("0.34");
        assertThat(table.price("+25551234", null, 60).amount()).isEqualByComparingTo("0.33");
        assertThat(table.price("+15551234", null, 60).amount().scale()).isEqualTo(2);
    }

    @Test
    void unquotedPrefixesAndBadAmountsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> TariffTable.fromMap(Map.of("currency", "EUR",
                        "rates", List.of(Map.of("prefix", 33, "per-minute", "0.2")))))
                .hasMessageContaining("quotes");
        assertThatThrownBy(() -> TariffTable.fromMap(Map.of("currency", "EUR",
                        "rates", List.of(Map.of("prefix", "+33", "per-minute", "twenty")))))
                .hasMessageContaining("not an amount");
        assertThatThrownBy(() -> TariffTable.fromMap(Map.of("currency", "euro")))
                .hasMessageContaining("ISO 4217");
    }

    private static Pricing charged(String amount, String destination, long minutes) {
        return new Pricing(Verdict.CHARGED, new BigDecimal(amount), destination, minutes);
    }
}

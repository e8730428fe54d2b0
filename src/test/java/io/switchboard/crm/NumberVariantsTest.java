package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.crm.NumberVariants.Variant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spellings of a number a CRM lookup tries. */
class NumberVariantsTest {

    @Test
    void everyExactVariantOfAFrenchMobile() {
        assertThat(NumberVariants.exact("+33612345678", EnumSet.of(Variant.E164, Variant.DIGITS, Variant.INTERNATIONAL,
                        Variant.NATIONAL)))
                .containsExactly("+33612345678", "33612345678", "+33 6 12 34 56 78", "06 12 34 56 78", "0612345678");
    }

    @Test
    void nationalFormatFollowsTheNumbersCountry() {
        assertThat(NumberVariants.exact("+74951234567", EnumSet.of(Variant.NATIONAL)))
                .containsExactly("8 (495) 123-45-67", "84951234567");
    }

    @Test
    void lastDigitsIsASuffixOnlyWhenChosen() {
        assertThat(NumberVariants.lastDigits("+33612345678", EnumSet.of(Variant.LAST_DIGITS), 9)).contains("612345678");
        assertThat(NumberVariants.lastDigits("+33612345678", EnumSet.of(Variant.E164), 9)).isEmpty();
        assertThat(NumberVariants.exact("+33612345678", EnumSet.of(Variant.E164, Variant.LAST_DIGITS)))
                .containsExactly("+33612345678");
    }

    @Test
    void configurationIsReadCaseInsensitivelyAndTyposAreNamed() {
        assertThat(NumberVariants.parse(" e164, national ,last-digits")).containsExactly(Variant.E164, Variant.NATIONAL,
                Variant.LAST_DIGITS);
        assertThat(NumberVariants.parse("")).containsExactly(Variant.E164);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumberVariants.parse("E164,NATINAL"));
        assertThat(e.getMessage()).contains("NATINAL");
    }

    @Test
    void excludedNumbersAreReadInAnyFormat() {
        assertThat(NumberVariants.toE164Set("01 23 45 67 89, +33 1 23 45 67 00", "FR"))
                .isEqualTo(Set.of("+33123456789", "+33123456700"));
    }

    @Test
    void extensionsAndAnonymousAreNotNumbersToLookUp() {
        assertThat(NumberVariants.isE164("+33612345678")).isTrue();
        assertThat(NumberVariants.isE164("201")).isFalse();
        assertThat(NumberVariants.isE164("anonymous")).isFalse();
        assertThat(NumberVariants.isE164(null)).isFalse();
    }
}

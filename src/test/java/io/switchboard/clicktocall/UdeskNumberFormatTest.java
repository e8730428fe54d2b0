package io.switchboard.clicktocall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** udesk dials national formats for its own region and 00-prefixed international ones otherwise. */
class UdeskNumberFormatTest {

    @Test
    void numbersOfTheRegionAreNational() {
        assertThat(UdeskOriginator.udeskNumber("+8615652692674", "CN")).isEqualTo("15652692674");
        assertThat(UdeskOriginator.udeskNumber("+861087654321", "CN")).isEqualTo("01087654321");
    }

    @Test
    void otherNumbersAreInternational() {
        assertThat(UdeskOriginator.udeskNumber("+33123456789", "CN")).isEqualTo("0033123456789");
    }

    @Test
    void keyyoAndTelphinForms() {
        assertThat(KeyyoOriginator.keyyoNumber("+33698765432")).isEqualTo("33698765432");
        assertThat(TelphinOriginator.shortExtension("000*099")).isEqualTo("099");
        assertThat(ClickToCallService.hubTag("5f0c2b9e-1111-2222-3333-444455556666")).matches("sb[0-9a-f]{30}");
    }
}

package io.switchboard.phone;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.Party;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    private static final PhoneNormalizer.Context KEYYO = PhoneNormalizer.Context.of("FR", "[0-9*#]{1,6}", true);
    private static final PhoneNormalizer.Context UDESK = PhoneNormalizer.Context.of("CN", "[1-9][0-9]{3}", false);
    private static final PhoneNormalizer.Context TELPHIN = PhoneNormalizer.Context.of("RU", "[0-9*#]{1,10}", false);
    private static final PhoneNormalizer.Context CALLR = PhoneNormalizer.Context.of("FR", "[0-9*#]{1,6}", false);

    @Test
    void keyyoInternationalWithoutPlus() {
        Party p = PhoneNormalizer.normalize("33123456789", KEYYO);
        assertThat(p.number()).isEqualTo("+33123456789");
        assertThat(p.raw()).isEqualTo("33123456789");
        assertThat(p.extension()).isFalse();
    }

    @Test
    void keyyoShortNumberStaysAnExtension() {
        Party p = PhoneNormalizer.normalize("201", KEYYO);
        assertThat(p.number()).isEqualTo("201");
        assertThat(p.extension()).isTrue();
    }

    @Test
    void udeskNationalLandlineMobileAndInternational() {
        assertThat(PhoneNormalizer.normalize("01087654321", UDESK).number()).isEqualTo("+861087654321");
        assertThat(PhoneNormalizer.normalize("15652692674", UDESK).number()).isEqualTo("+8615652692674");
        assertThat(PhoneNormalizer.normalize("0033123456789", UDESK).number()).isEqualTo("+33123456789");
        assertThat(PhoneNormalizer.normalize("8001", UDESK).extension()).isTrue();
    }

    @Test
    void telphinE164AndSipExtension() {
        assertThat(PhoneNormalizer.normalize("+79817654321", TELPHIN).number()).isEqualTo("+79817654321");
        assertThat(PhoneNormalizer.normalize("89817654321", TELPHIN).number()).isEqualTo("+79817654321");
        Party ext = PhoneNormalizer.normalize("000*099@sipproxy.telphin.ru", TELPHIN);
        assertThat(ext.number()).isEqualTo("000*099");
        assertThat(ext.extension()).isTrue();
        assertThat(ext.raw()).isEqualTo("000*099@sipproxy.telphin.ru");
    }

    @Test
    void callrE164WithAndWithoutPlus() {
        assertThat(PhoneNormalizer.normalize("+33639980042", CALLR).number()).isEqualTo("+33639980042");
        assertThat(PhoneNormalizer.normalize("0639980042", CALLR).number()).isEqualTo("+33639980042");
    }

    @Test
    void unreadableNumbersKeepTheirDigitsOrText() {
        assertThat(PhoneNormalizer.normalize("3312345678901234567890", KEYYO).number()).isEqualTo("3312345678901234567890");
        assertThat(PhoneNormalizer.normalize("anonymous", KEYYO).number()).isEqualTo("anonymous");
        assertThat(PhoneNormalizer.normalize("  ", KEYYO)).isNull();
        assertThat(PhoneNormalizer.normalize(null, KEYYO)).isNull();
    }
}

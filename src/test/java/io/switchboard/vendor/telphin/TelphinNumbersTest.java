package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.Party;
import io.switchboard.config.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelphinNumbersTest {

    private final TelphinNumbers numbers = new TelphinNumbers(TelphinFixtures.SOURCE);

    @ParameterizedTest
    @CsvSource({
        "+74951234567, +74951234567",
        "74951234567,  +74951234567",
        "84951234567,  +74951234567",
        "89031112233,  +79031112233",
        "+7 (903) 111-22-33, +79031112233",
        "' 79161234567', +79161234567"
    })
    void russianNumbersBecomeE164(String raw, String e164) {
        Party party = numbers.party(raw);

        assertThat(party.number()).isEqualTo(e164);
        assertThat(party.extension()).isFalse();
        assertThat(party.raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @CsvSource({
        "000*099@sipproxy.telphin.ru, 000*099",
        "sip:000*099@sipproxy.telphin.ru, 000*099",
        "000*099,                     000*099",
        "0003*001,                    0003*001",
        "099,                         099",
        "101,                         101"
    })
    void extensionsStayExtensionsWithoutTheHost(String raw, String extension) {
        Party party = numbers.party(raw);

        assertThat(party.extension()).isTrue();
        assertThat(party.number()).isEqualTo(extension);
        assertThat(party.raw()).isEqualTo(raw);
    }

    @Test
    void blankIsNoParty() {
        assertThat(numbers.party(null)).isNull();
        assertThat(numbers.party(" ")).isNull();
    }

    @Test
    void anonymousKeepsItsText() {
        assertThat(numbers.party("anonymous").number()).isEqualTo("anonymous");
        assertThat(numbers.isExtension("anonymous")).isFalse();
    }

    @Test
    void sourceWithoutRegionReadsRussianNumbers() {
        Source noRegion = new Source("t", "telphin", "tk", null, List.of(), null, null, null, null);

        assertThat(new TelphinNumbers(noRegion).party("84951234567").number()).isEqualTo("+74951234567");
        assertThat(new TelphinNumbers(noRegion).party("000*099@h").number()).isEqualTo("000*099");
    }

    @Test
    void unencodedPlusInAQueryStillGivesTheNumber() {
        String query = "EventType=dial-in&CallID=abc&CallerIDNum=+79161234567&EventTime=1732350000000000";

        assertThat(TelphinFixtures.translate(TelphinFixtures.get(query)).from().number()).isEqualTo("+79161234567");
    }
}

package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiasRecordParsingTest {

    @Test
    void readsTypeAndFieldsInWireOrder() {
        FiasRecord ls = FiasRecord.parse("LS|DA250115|TI123545|");

        assertThat(ls.type()).isEqualTo("LS");
        assertThat(ls.fields()).containsExactly(new FiasField("DA", "250115"), new FiasField("TI", "123545"));
        assertThat(ls.value("DA")).contains("250115");
        assertThat(ls.toWire()).isEqualTo("LS|DA250115|TI123545|");
    }

    @Test
    void fieldOrderIsFreeAndKeptAsIs() {
        FiasRecord a = FiasRecord.parse("PA|RN2781|ASOK|P#1729|");
        FiasRecord b = FiasRecord.parse("PA|P#1729|ASOK|RN2781|");

        assertThat(a.asMap()).containsExactlyInAnyOrderEntriesOf(b.asMap());
        assertThat(b.toWire()).isEqualTo("PA|P#1729|ASOK|RN2781|");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void unknownFieldsAndDigitOrHashCodesAreKept() {
        FiasRecord gi = FiasRecord.parse("GI|RN101|A0VIP|ZZsomething|G#4711|");

        assertThat(gi.value("A0")).contains("VIP");
        assertThat(gi.value("ZZ")).contains("something");
        assertThat(gi.value("G#")).contains("4711");
        assertThat(gi.toWire()).isEqualTo("GI|RN101|A0VIP|ZZsomething|G#4711|");
    }

    @Test
    void repeatedCodesAreAllKeptAndTheFirstWinsForSingleLookups() {
        FiasRecord r = FiasRecord.parse("XL|RN101|MTHello|MTWorld|");

        assertThat(r.value("MT")).contains("Hello");
        assertThat(r.values("MT")).containsExactly("Hello", "World");
        assertThat(r.asMap()).containsEntry("MT", "Hello").hasSize(2);
        assertThat(r.toWire()).isEqualTo("XL|RN101|MTHello|MTWorld|");
    }

    @Test
    void emptyValuesAndRecordsWithoutFieldsAreValid() {
        FiasRecord ld = FiasRecord.parse("LD|DA|TI|V#2.0|IFPB|");
        assertThat(ld.value("DA")).contains("");
        assertThat(ld.has("DA")).isTrue();
        assertThat(ld.nonEmpty("DA")).isEmpty();
        assertThat(ld.stamp()).isEmpty();

        FiasRecord le = FiasRecord.parse("LE|");
        assertThat(le.fields()).isEmpty();
        assertThat(le.toWire()).isEqualTo("LE|");
    }

    @Test
    void valuesMayHoldSpacesCommasAndNonAsciiLetters() {
        FiasRecord gc = FiasRecord.parse("GC|RN12|GNMüller, Jürgen Dr.|");

        assertThat(gc.value("GN")).contains("Müller, Jürgen Dr.");
    }

    @Test
    void builtRecordsEqualParsedOnes() {
        FiasRecord built = FiasRecord.of("PA", "RN", "2781", "AS", "OK");

        assertThat(built).isEqualTo(FiasRecord.parse("PA|RN2781|ASOK|"));
        assertThat(built.hashCode()).isEqualTo(FiasRecord.parse("PA|RN2781|ASOK|").hashCode());
        assertThat(built.values("XX")).isEqualTo(List.of());
        assertThat(built.toString()).isEqualTo("PA|RN2781|ASOK|");
    }
}

package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.pms.fias.FiasFormatException.Reason;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiasLinkRecordsTest {

    private static final LocalDateTime AT = LocalDateTime.of(2025, 1, 15, 12, 35, 45);

    @Test
    void stampedControlRecords() {
        assertThat(FiasLinkRecords.linkStart(AT).toWire()).isEqualTo("LS|DA250115|TI123545|");
        assertThat(FiasLinkRecords.linkAlive(AT).toWire()).isEqualTo("LA|DA250115|TI123545|");
        assertThat(FiasLinkRecords.linkEnd(AT).toWire()).isEqualTo("LE|DA250115|TI123545|");
        assertThat(FiasLinkRecords.databaseResyncRequest(AT).toWire()).isEqualTo("DR|DA250115|TI123545|");
        assertThat(FiasLinkRecords.stamped("NS", AT).toWire()).isEqualTo("NS|DA250115|TI123545|");
    }

    @Test
    void resyncAndNightAuditMarkersFromThePmsCarryTheirStamp() {
        for (String type : List.of("DS", "DE", "NS", "NE")) {
            FiasRecord marker = FiasRecord.parse(type + "|DA250115|TI123545|");
            assertThat(marker.type()).isEqualTo(type);
            assertThat(marker.stamp()).contains(AT);
        }
        assertThat(FiasRecord.parse("NE|").stamp()).isEmpty();
    }

    @Test
    void linkDescriptionAnnouncesAPhoneSystem() {
        assertThat(FiasLinkRecords.linkDescription(AT, "1.0").toWire())
                .isEqualTo("LD|DA250115|TI123545|V#1.0|IFPB|");
    }

    @Test
    void linkRecordRunsTheFieldCodesTogether() {
        FiasRecord lr = FiasLinkRecords.linkRecord("PS", List.of("RN", "PT", "TA", "DD", "DU", "DA", "TI", "P#"));

        assertThat(lr.toWire()).isEqualTo("LR|RIPS|FLRNPTTADDDUDATIP#|");
        assertThat(FiasLinkRecords.LinkRecord.from(lr))
                .isEqualTo(new FiasLinkRecords.LinkRecord("PS", List.of("RN", "PT", "TA", "DD", "DU", "DA", "TI", "P#")));
    }

    @Test
    void handshakeIsLdThenOneLrPerTypeThenLa() {
        Map<String, List<String>> used = new LinkedHashMap<>();
        used.put("PS", List.of("RN", "PT", "TA", "DA", "TI", "P#", "DD"));
        used.put("PA", List.of("RN", "AS", "P#", "DA", "TI"));

        assertThat(FiasLinkRecords.handshake(AT, "1.0", used)).extracting(FiasRecord::toWire).containsExactly(
                "LD|DA250115|TI123545|V#1.0|IFPB|",
                "LR|RIPS|FLRNPTTADATIP#DD|",
                "LR|RIPA|FLRNASP#DATI|",
                "LA|DA250115|TI123545|");
    }

    @Test
    void badLinkRecordsAreRefused() {
        assertThatThrownBy(() -> FiasLinkRecords.linkRecord("PS", List.of()))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_VALUE);
        assertThatThrownBy(() -> FiasLinkRecords.linkRecord("P", List.of("RN")))
                .hasFieldOrPropertyWithValue("reason", Reason.BAD_RECORD_TYPE);
        assertThatThrownBy(() -> FiasLinkRecords.LinkRecord.from(FiasRecord.parse("LR|RIPS|FLRNP|")))
                .hasMessageContaining("FL must be 2-character codes");
        assertThatThrownBy(() -> FiasLinkRecords.LinkRecord.from(FiasRecord.parse("LR|RIPS|FLRNp#|")))
                .hasMessageContaining("invalid code 'p#'");
        assertThatThrownBy(() -> FiasLinkRecords.LinkRecord.from(FiasRecord.parse("LR|FLRN|")))
                .hasFieldOrPropertyWithValue("reason", Reason.MISSING_FIELD);
    }
}

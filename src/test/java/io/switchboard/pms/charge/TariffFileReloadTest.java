package io.switchboard.pms.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tariff file is re-read when it changes; a bad edit keeps the previous table and says why, with the line. */
class TariffFileReloadTest {

    private static final String TARIFF = """
            currency: EUR
            decimals: 2
            free:
              numbers: ["112"]
            rates:
              - prefix: "+33"
                name: France
                per-minute: %s
                minimum: 0.10
            """;

    @TempDir
    Path dir;

    @Test
    void anEditedFileIsUsedForTheNextPrice() throws IOException {
        Path file = write(dir.resolve("tariffs.yaml"), TARIFF.formatted("0.20"), 0);
        TariffFile tariffs = new TariffFile(file);
        assertThat(tariffs.table().price("+33142685300", null, 60).amount()).isEqualByComparingTo("0.20");

        write(file, TARIFF.formatted("0.35"), 10);

        assertThat(tariffs.table().price("+33142685300", null, 60).amount()).isEqualByComparingTo("0.35");
        assertThat(tariffs.rejection()).isEmpty();
    }

    @Test
    void aBrokenEditKeepsThePreviousTableAndNamesFileLineAndReason() throws IOException {
        Path file = write(dir.resolve("tariffs.yaml"), TARIFF.formatted("0.20"), 0);
        TariffFile tariffs = new TariffFile(file);

        write(file, TARIFF.formatted("twenty"), 10);

        assertThat(tariffs.table().price("+33142685300", null, 60).amount()).isEqualByComparingTo("0.20");
        assertThat(tariffs.rejection()).hasValueSatisfying(reason -> assertThat(reason)
                .contains(file.toString())
                .contains("line 6")
                .contains("rates entry 1")
                .contains("'twenty' is not an amount"));

        write(file, TARIFF.formatted("0.25"), 20); // fixed: applied, the rejection is gone
        assertThat(tariffs.table().price("+33142685300", null, 60).amount()).isEqualByComparingTo("0.25");
        assertThat(tariffs.rejection()).isEmpty();
    }

    @Test
    void invalidYamlAndUnquotedNumbersAreLocatedByLine() throws IOException {
        Path file = write(dir.resolve("tariffs.yaml"), TARIFF.formatted("0.20"), 0);
        TariffFile tariffs = new TariffFile(file);

        write(file, TARIFF.formatted("0.20") + "  - prefix: \"+44\n    name: [UK\n", 10);
        tariffs.table();
        assertThat(tariffs.rejection()).hasValueSatisfying(reason -> assertThat(reason)
                .contains(file.toString()).containsPattern("line 1[0-9]").contains("not valid YAML"));

        write(file, TARIFF.formatted("0.20").replace("[\"112\"]", "[112]"), 20);
        tariffs.table();
        assertThat(tariffs.rejection()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("line 4").contains("quotes"));
        assertThat(tariffs.table().price("+33142685300", null, 60).amount()).isEqualByComparingTo("0.20");
    }

    @Test
    void aBadFileAtStartFailsTheStartWithTheLine() throws IOException {
        Path file = write(dir.resolve("tariffs.yaml"), TARIFF.formatted("0.20").replace("EUR", "euro"), 0);

        assertThatThrownBy(() -> new TariffFile(file)).hasMessageContaining("line 1").hasMessageContaining("ISO 4217");
    }

    /** Writes the file atomically (temp + rename, as editors and deploy tools do) with a distinct modification time. */
    private static Path write(Path file, String text, int secondsLater) throws IOException {
        Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(temp, FileTime.from(Instant.now().plusSeconds(secondsLater)));
        return Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}

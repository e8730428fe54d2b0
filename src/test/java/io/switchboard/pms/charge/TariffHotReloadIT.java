package io.switchboard.pms.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.pms.PmsIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running hub re-reads the tariff file when a consultant edits it: the next ended room call is
 * priced with the new rate; a broken edit is refused (the reason names the file and line) and the
 * previous rate stays in use; fixing the file applies it. Real calls over the Telphin webhook, the
 * charge route, postings in the journal.
 */
@DirtiesContext
class TariffHotReloadIT extends PmsIntegrationTest {

    private static final Path FILE = tariffFile();
    private static final String TARIFF = """
            currency: EUR
            decimals: 2
            rates:
              - prefix: "+33"
                name: France
                per-minute: %s
                minimum: 0
            """;

    @DynamicPropertySource
    static void charges(DynamicPropertyRegistry registry) {
        registry.add("switchboard.pms.charges.enabled", () -> "true");
        registry.add("switchboard.pms.charges.require-checked-in", () -> "false");
        registry.add("switchboard.pms.charges.tariff-file", FILE::toString);
    }

    @Autowired
    CallCharges charges;

    @Test
    void anEditIsUsedForTheNextCallAndABrokenEditKeepsThePreviousRate() {
        awaitChargeSubscription();
        assertThat(priceOfACall("5101")).isEqualByComparingTo("0.20");

        write(TARIFF.formatted("0.30"), 10);
        assertThat(priceOfACall("5102")).isEqualByComparingTo("0.30");

        write(TARIFF.formatted("0,40"), 20); // a comma: not an amount
        assertThat(priceOfACall("5103")).isEqualByComparingTo("0.30");
        assertThat(charges.tariffFile().rejection()).hasValueSatisfying(reason -> assertThat(reason)
                .contains(FILE.toString()).contains("line 4").contains("'0,40' is not an amount"));

        write(TARIFF.formatted("0.40"), 30);
        assertThat(priceOfACall("5104")).isEqualByComparingTo("0.40");
        assertThat(charges.tariffFile().rejection()).isEmpty();
    }

    /** A one-minute outbound call from the room's extension; returns the amount of its posting. */
    private BigDecimal priceOfACall(String room) {
        String callId = sendOutboundCall(room, "+33142685300", 60);
        String sql = "SELECT p.amount FROM pms_postings p JOIN calls c ON c.id = p.call_id WHERE c.vendor_call_id = ?";
        await().atMost(WAIT).until(() -> !jdbc.queryForList(sql, BigDecimal.class, callId).isEmpty());
        return jdbc.queryForObject(sql, BigDecimal.class, callId);
    }

    private static Path tariffFile() {
        try {
            Path file = Files.createTempDirectory("tariffs").resolve("tariffs.yaml");
            Files.writeString(file, TARIFF_START);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String TARIFF_START = """
            currency: EUR
            decimals: 2
            rates:
              - prefix: "+33"
                name: France
                per-minute: 0.20
                minimum: 0
            """;

    /** As an editor or a deploy tool would: temp file + rename, with a distinct modification time. */
    private static void write(String text, int secondsLater) {
        try {
            Path temp = Files.writeString(FILE.resolveSibling("tariffs.yaml.tmp"), text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(temp, FileTime.from(Instant.now().plusSeconds(secondsLater)));
            Files.move(temp, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

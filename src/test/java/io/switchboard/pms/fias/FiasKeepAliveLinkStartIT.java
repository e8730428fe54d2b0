package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.HubIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The default keep-alive: an LS on the idle link, answered by the PMS with LS and a full new handshake. */
@DirtiesContext
class FiasKeepAliveLinkStartIT extends HubIntegrationTest {

    static final FiasPmsSimulator PMS = FiasPmsSimulator.started();

    @DynamicPropertySource
    static void pms(DynamicPropertyRegistry registry) {
        registry.add("switchboard.pms.fias.enabled", () -> "true");
        registry.add("switchboard.pms.fias.port", PMS::port);
        registry.add("switchboard.pms.fias.keep-alive-interval", () -> "200ms");
    }

    @AfterAll
    static void stopSimulator() {
        PMS.close();
    }

    @Autowired
    FiasConnector connector;

    @Test
    void anIdleLinkSendsLinkStartAndRedoesTheHandshakeOnTheSameConnection() {
        PMS.awaitHandshakes(3, WAIT);

        assertThat(PMS.received("LS")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(PMS.received("LD")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(PMS.connections()).isEqualTo(1);
        assertThat(connector.drops()).isZero();
        assertThat(PMS.protocolErrors()).isEmpty();
    }
}

package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.HubIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Keep-alive on an idle link, and a PMS that stops answering without closing the socket. */
@DirtiesContext
class FiasKeepAliveIT extends HubIntegrationTest {

    static final FiasPmsSimulator PMS = FiasPmsSimulator.started();

    @DynamicPropertySource
    static void pms(DynamicPropertyRegistry registry) {
        registry.add("switchboard.pms.fias.enabled", () -> "true");
        registry.add("switchboard.pms.fias.port", PMS::port);
        registry.add("switchboard.pms.fias.keep-alive-record", () -> "LA");
        registry.add("switchboard.pms.fias.keep-alive-interval", () -> "200ms");
        registry.add("switchboard.pms.fias.keep-alive-timeout", () -> "500ms");
        registry.add("switchboard.pms.fias.backoff-initial", () -> "50ms");
        registry.add("switchboard.pms.fias.backoff-max", () -> "200ms");
    }

    @AfterAll
    static void stopSimulator() {
        PMS.close();
    }

    @Autowired
    FiasConnector connector;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void anIdleLinkSendsKeepAlivesAndADeadPmsIsDetectedAndReconnected() {
        PMS.awaitHandshakes(1, WAIT);
        // one LA closes the handshake; the next ones are keep-alives on the idle link
        PMS.awaitReceived("LA", 4, WAIT);
        assertThat(PMS.connections()).isEqualTo(1);

        PMS.answerLinkAlive(false);
        PMS.awaitConnections(2, WAIT);
        PMS.answerLinkAlive(true);

        PMS.awaitHandshakes(2, WAIT);
        await().atMost(WAIT).until(() -> connector.state() == FiasConnector.State.UP);
        assertThat(connector.drops()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("switchboard.pms.fias.drops").functionCounter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("switchboard.pms.fias.link.up").gauge().value()).isEqualTo(1);
        assertThat(PMS.protocolErrors()).isEmpty();
    }
}

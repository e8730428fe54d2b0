package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasTestClient.NOW;
import static io.switchboard.pms.fias.FiasTestClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FiasPmsSimulatorHandshakeTest {

    private final FiasPmsSimulator simulator = FiasPmsSimulator.started();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void sendsLinkStartOnConnectAndAnswersTheHandshakeWithLinkAlive() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            FiasRecord ls = client.next(FiasCodes.LINK_START);
            assertThat(ls.stamp()).isPresent();

            FiasRecord la = client.answerLinkStart();

            simulator.awaitHandshakes(1, WAIT);
            assertThat(la.stamp()).isPresent();
            assertThat(simulator.received()).extracting(FiasRecord::type).containsExactly("LD", "LR", "LA");
            assertThat(simulator.linkRecords()).singleElement().satisfies(lr -> {
                assertThat(lr.recordType()).isEqualTo("PS");
                assertThat(lr.fieldCodes()).contains("RN", "P#", "TA");
            });
            assertThat(simulator.protocolErrors()).isEmpty();
        }
    }

    @Test
    void laterLinkAlivesAreKeepAlivesAndAnswered() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            client.send(FiasLinkRecords.linkAlive(NOW));

            assertThat(client.next().type()).isEqualTo("LA");
            assertThat(simulator.handshakes()).isEqualTo(1);
        }
    }

    @Test
    void linkStartFromEitherSideRestartsTheHandshake() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            simulator.sendLinkStart();
            client.next(FiasCodes.LINK_START);
            client.answerLinkStart();
            simulator.awaitHandshakes(2, WAIT);

            client.send(FiasLinkRecords.linkStart(NOW));
            client.next(FiasCodes.LINK_START);
            client.answerLinkStart();
            simulator.awaitHandshakes(3, WAIT);
            assertThat(simulator.protocolErrors()).isEmpty();
        }
    }

    @Test
    void linkAliveWithoutDescriptionIsAProtocolErrorAndUnanswered() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.next(FiasCodes.LINK_START);

            client.send(FiasLinkRecords.linkAlive(NOW), FiasLinkRecords.linkRecord("PS", List.of("RN")));

            assertThat(simulator.awaitProtocolErrors(2, WAIT))
                    .containsExactly("LA before LD: handshake not done", "LR outside the handshake (no LD before it)");
            assertThat(simulator.handshakes()).isZero();
            // the bogus LA got no answer: the first record after a proper handshake is its LA, and nothing else
            client.answerLinkStart();
            simulator.awaitHandshakes(1, WAIT);
            assertThat(client.hasPending()).isFalse();
        }
    }
}

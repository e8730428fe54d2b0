package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasTestClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.pms.fias.FiasPmsSimulator.PostingReply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FiasPmsSimulatorLinkFailureTest {

    private final FiasPmsSimulator simulator = FiasPmsSimulator.started();

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void droppingTheLinkMidPostingClosesTheSocketWithoutAnswer() throws Exception {
        simulator.replyToPostings(PostingReply.dropLink());
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            client.send(FiasRecord.parse("PS|RN2781|PTC|TA1050|DA250115|TI123545|P#1729|DD004989920920|"));

            assertThat(client.awaitClosed()).isTrue();
            assertThat(client.hasPending()).isFalse();
            simulator.awaitDisconnections(1, WAIT);
        }
    }

    @Test
    void theClientCanReconnectAfterADropAndGetsANewLinkStart() throws Exception {
        try (FiasTestClient first = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            first.handshake();
            simulator.dropLink();
            assertThat(first.awaitClosed()).isTrue();
        }
        try (FiasTestClient second = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            second.handshake();
            simulator.awaitHandshakes(2, WAIT);
            simulator.awaitConnections(2, WAIT);
        }
    }

    @Test
    void garbageAndAHalfFrameFromTheSimulatorDoNotHideTheNextRecord() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            simulator.sendRaw("\r\n+++ATH0\r\n\u0002GI|RN27".getBytes(StandardCharsets.US_ASCII));
            simulator.send(FiasRecord.parse("GO|RN2781|G#4711|"));

            assertThat(client.next().toWire()).isEqualTo("GO|RN2781|G#4711|");
            assertThat(client.skips()).extracting(FiasSkip::kind)
                    .containsExactly(FiasSkip.Kind.GARBAGE, FiasSkip.Kind.TRUNCATED_FRAME);
        }
    }

    @Test
    void garbageFromTheClientIsRecordedAsSkips() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            client.sendRaw("junk\u0002PS|RN\u0001|\u0003".getBytes(StandardCharsets.US_ASCII));
            client.send(FiasLinkRecords.linkAlive(FiasTestClient.NOW));

            assertThat(client.next().type()).isEqualTo("LA");
            simulator.awaitSkips(2, WAIT);
            assertThat(simulator.skips()).extracting(FiasSkip::kind)
                    .containsExactly(FiasSkip.Kind.GARBAGE, FiasSkip.Kind.MALFORMED_RECORD);
        }
    }

    @Test
    void linkEndIsSentOnRequest() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.handshake();

            simulator.sendLinkEnd();

            assertThat(client.next().type()).isEqualTo("LE");
        }
    }
}

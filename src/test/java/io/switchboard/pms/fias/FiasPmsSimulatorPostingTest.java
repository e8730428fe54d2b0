package io.switchboard.pms.fias;

import static io.switchboard.pms.fias.FiasTestClient.NOW;
import static io.switchboard.pms.fias.FiasTestClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.pms.fias.FiasPmsSimulator.PostingReply;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FiasPmsSimulatorPostingTest {

    private static final FiasRecord DOC_POSTING =
            FiasRecord.parse("PS|RN2781|PTC|TA1050|DA250115|TI123545|P#1729|DD004989920920|");

    private final FiasPmsSimulator simulator = FiasPmsSimulator.started();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private FiasTestClient linkedClient() throws Exception {
        FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port());
        client.handshake();
        return client;
    }

    @Test
    void theDocumentedPostingIsAnsweredOk() throws Exception {
        try (FiasTestClient client = linkedClient()) {
            client.send(DOC_POSTING);

            assertThat(client.next().toWire()).isEqualTo("PA|RN2781|ASOK|P#1729|DA250115|TI123545|");
            assertThat(simulator.received("PS")).containsExactly(DOC_POSTING);
        }
    }

    @Test
    void scriptedStatusesAreAnsweredInOrderThenTheDefault() throws Exception {
        simulator.replyToPostings(PostingReply.status("NG"), PostingReply.status("UR"));
        try (FiasTestClient client = linkedClient()) {
            for (long seq = 1; seq <= 3; seq++) {
                client.send(FiasPosting.directCharge("101", new BigDecimal("1.20"), null, "0612345678", seq, NOW)
                        .toRecord(2));
                FiasPostingAnswer pa = FiasPostingAnswer.from(client.next("PA"));
                assertThat(pa.sequence()).isEqualTo(seq);
                assertThat(pa.status()).isEqualTo(seq == 1 ? "NG" : seq == 2 ? "UR" : "OK");
            }
            assertThat(simulator.protocolErrors()).isEmpty();
        }
    }

    @Test
    void aDelayedAnswerComesLaterAndASecondPostingMeanwhileIsFlagged() throws Exception {
        simulator.replyToPostings(PostingReply.delayed(Duration.ofMillis(1500), "OK"));
        try (FiasTestClient client = linkedClient()) {
            client.send(DOC_POSTING);
            client.send(FiasRecord.parse("PS|RN2781|PTC|TA100|DA250115|TI123600|P#1730|DD0612345678|"));

            FiasRecord first = client.next("PA");
            FiasRecord second = client.next("PA");

            // the second posting was answered at once, the delayed answer to the first one came after it
            assertThat(first.value("P#")).contains("1730");
            assertThat(second.value("P#")).contains("1729");
            assertThat(simulator.protocolErrors()).containsExactly("PS P#1730 sent while P#1729 is still outstanding");
        }
    }

    @Test
    void noAnswerLeavesThePostingOutstanding() throws Exception {
        simulator.replyToPostings(PostingReply.none());
        try (FiasTestClient client = linkedClient()) {
            client.send(DOC_POSTING);
            simulator.awaitReceived("PS", 1, WAIT);

            client.send(FiasLinkRecords.linkAlive(NOW));

            assertThat(client.next().type()).as("only the keep-alive is answered").isEqualTo("LA");
            assertThat(client.hasPending()).isFalse();
        }
    }

    @Test
    void aPostingBeforeTheLinkIsUpIsNotAnswered() throws Exception {
        try (FiasTestClient client = new FiasTestClient(FiasCodec.cp850(), simulator.port())) {
            client.next(FiasCodes.LINK_START);

            client.send(DOC_POSTING);

            assertThat(simulator.awaitProtocolErrors(1, WAIT)).containsExactly("PS before the link is up");
            // no PA was sent: the next record the client sees is the LA ending its handshake
            client.answerLinkStart();
        }
    }
}

package io.switchboard.vendor.telphin;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.ingress.InboundRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries and replays give the same event and key, so the hub stores each fact once. */
class TelphinDuplicateDeliveryTest {

    private static final String QUERY = TelphinFixtures.read("inbound-answered/03-hangup.query");

    @Test
    void aRetryDeliveredLaterTranslatesToTheSameEvent() {
        CallEvent first = TelphinFixtures.translate(TelphinFixtures.get(QUERY));
        CallEvent retry = TelphinFixtures.translate(new InboundRequest(
                "telphin", "telphin-office", "GET", QUERY, null, null, Map.of(),
                Instant.parse("2024-11-23T09:05:00Z"), 42L));

        assertThat(retry).isEqualTo(first);
    }

    @Test
    void getAndFormPostOfTheSameFieldsGiveTheSameEvent() {
        CallEvent get = TelphinFixtures.translate(TelphinFixtures.get(QUERY));
        CallEvent post = TelphinFixtures.translate(TelphinFixtures.post(QUERY));

        assertThat(post).isEqualTo(get);
    }

    @Test
    void formFieldWinsOverTheSameQueryParameter() {
        InboundRequest both = new InboundRequest(
                "telphin", null, "POST", "myid=176&EventType=dial-in", "application/x-www-form-urlencoded",
                QUERY.getBytes(StandardCharsets.UTF_8), Map.of(), TelphinFixtures.RECEIVED_AT, null);

        assertThat(TelphinFixtures.translate(both).vendorEventType()).isEqualTo("hangup");
    }

    @Test
    void differentEventsOfOneLegHaveDifferentKeys() {
        assertThat(TelphinFixtures.scenario("inbound-answered"))
                .extracting(CallEvent::eventKey)
                .doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(k).startsWith("a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01|"));
    }

    @Test
    void withoutEventTimeTheReceiveTimeIsUsedAndTheKeyStaysStable() {
        String noTime = QUERY.replaceAll("&EventTime=[0-9]+", "");

        CallEvent event = TelphinFixtures.translate(TelphinFixtures.get(noTime));

        assertThat(event.occurredAt()).isEqualTo(TelphinFixtures.RECEIVED_AT);
        assertThat(event.eventKey()).isEqualTo(
                "a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01|a1f4c2e87b3d4e0f9c6b5a2d1e8f7c01-0001|hangup|");
        assertThat(event.answeredAtHint()).isNull();
    }

    @Test
    void withoutSubCallIdTheKeyKeepsItsShape() {
        String noLeg = "EventType=dial-in&CallID=abc&CallerIDNum=%2B79161234567&EventTime=1732350000000000";

        CallEvent event = TelphinFixtures.translate(TelphinFixtures.get(noLeg));

        assertThat(event.legId()).isNull();
        assertThat(event.eventKey()).isEqualTo("abc||dial-in|1732350000000000");
    }
}

package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.APP_ID;
import static io.switchboard.vendor.udesk.UdeskFixtures.HOTLINE;
import static io.switchboard.vendor.udesk.UdeskFixtures.NOW;
import static io.switchboard.vendor.udesk.UdeskFixtures.SECRET;
import static io.switchboard.vendor.udesk.UdeskFixtures.T0;
import static io.switchboard.vendor.udesk.UdeskFixtures.translateJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.config.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdeskDialectTimeAndDirectionTest {

    @Test
    void readsEpochSecondsAndMillisecondsAlike() {
        assertThat(translateJson("{\"Event\":\"begin\",\"CallId\":\"c\",\"Timestamp\":1709630100}").occurredAt())
                .isEqualTo(T0);
        assertThat(translateJson("{\"Event\":\"begin\",\"CallId\":\"c\",\"Timestamp\":\"1709630100000\"}").occurredAt())
                .isEqualTo(T0);
    }

    @Test
    void readsIsoAndChineseWallClockTimes() {
        assertThat(translateJson("{\"Event\":\"begin\",\"CallId\":\"c\",\"Timestamp\":\"2024-03-05T17:15:00+08:00\"}")
                .occurredAt()).isEqualTo(T0);
        assertThat(translateJson("{\"Event\":\"begin\",\"CallId\":\"c\",\"Timestamp\":\"2024-03-05 17:15:00 +0800\"}")
                .occurredAt()).isEqualTo(T0);
    }

    @Test
    void withoutTimeFallsBackToReceiptAndGivesNoKey() {
        CallEvent event = translateJson("{\"Event\":\"begin\",\"CallId\":\"c\"}");

        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.eventKey()).isNull();
    }

    @Test
    void acceptsEventNamesInCapitals() {
        CallEvent event = translateJson("{\"Event\":\" END \",\"CallId\":\"c\"}");

        assertThat(event.vendorEventType()).isEqualTo("end");
        assertThat(event.kind()).isEqualTo(EventKind.HANGUP);
    }

    @Test
    void takesDirectionFromCallTypeWhenNoDirectionField() {
        CallEvent event = translateJson("{\"Event\":\"user_answer\",\"CallId\":\"c\",\"CallType\":\"Outgoing\"}");

        assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(event.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(event.attributes()).containsEntry("callType", "Outgoing");
    }

    @Test
    void aCallToTheTrunkIsInbound() {
        CallEvent event = translateJson("{\"Event\":\"user_answer\",\"CallId\":\"c\",\"CallerNumber\":\"13812345678\","
                + "\"DestNumber\":\"057128091649\",\"SpNumber\":\"057128091649\"}");

        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
        assertThat(event.kind()).isEqualTo(EventKind.INFO);
    }

    @Test
    void aCallFromTheTrunkIsOutbound() {
        CallEvent event = translateJson("{\"Event\":\"begin\",\"CallId\":\"c\",\"CallerNumber\":\"057128091649\","
                + "\"DestNumber\":\"13812345678\",\"SpNumber\":\"057128091649\"}");

        assertThat(event.direction()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void aCallToOneOfTheSourceLinesIsInbound() {
        Source withLines = new Source("udesk-cn", "udesk", null, "CN", List.of("+86 10 8648 2889"), "[1-9]\\d{3}",
                null, null, new Source.UdeskOptions(APP_ID, SECRET, UdeskFieldPaths.DEFAULTS));
        byte[] body = "{\"Event\":\"begin\",\"CallId\":\"c\",\"CallerNumber\":\"13812345678\",\"DestNumber\":\"01086482889\"}"
                .getBytes(StandardCharsets.UTF_8);

        CallEvent event = UdeskFixtures.dialect().translate(UdeskFixtures.signed(body), withLines).get(0);

        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
        assertThat(event.line()).isEqualTo("+861086482889");
    }

    @Test
    void unknownDirectionStillNamesTheTrunkAsLine() {
        CallEvent event = translateJson("{\"Event\":\"begin\",\"CallId\":\"c\",\"CallerNumber\":\"13812345678\","
                + "\"DestNumber\":\"15652692674\",\"SpNumber\":\"057128091649\"}");

        assertThat(event.direction()).isNull();
        assertThat(event.line()).isEqualTo(HOTLINE);
        assertThat(event.from().number()).isEqualTo("+8613812345678");
        assertThat(event.to().number()).isEqualTo("+8615652692674");
    }

    @Test
    void readsInternationalNumbersAndAgentExtensions() {
        CallEvent event = translateJson("{\"Event\":\"begin\",\"CallId\":\"c\",\"CallDirection\":\"in\","
                + "\"CallerNumber\":\"0033123456789\",\"DestNumber\":\"1001\"}");

        assertThat(event.from().number()).isEqualTo("+33123456789");
        assertThat(event.to().extension()).isTrue();
        assertThat(event.to().number()).isEqualTo("1001");
        assertThat(event.line()).isEqualTo("1001");
    }
}

package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.cti;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notification;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same call seen by the server notifications and by a CTI relay page. */
class KeyyoCtiMergeWithServerNotificationsTest {

    @Test
    void bothFeedsJoinOneCallByCallref() {
        List<CallEvent> events = new ArrayList<>(notifications(
                "inbound-answered/01-setup.query", "inbound-answered/02-connect.query"));
        events.add(cti("cti/inbound-answered/01-setup.json", "line=33172587948"));
        events.add(cti("cti/inbound-answered/02-connect.json", "line=33172587948"));

        HubSimulation hub = new HubSimulation().accept(events);

        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).isFalse();

        hub.accept(notification("inbound-answered/03-release.query"));
        hub.accept(cti("cti/inbound-answered/03-release.json", "line=33172587948"));

        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).isTrue();
        assertThat(hub.calls().get(0).answered()).isTrue();
        assertThat(hub.calls().get(0).direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void aCtiEventForAnAcdLegJoinsTheSessionCallThroughItsCallref() {
        HubSimulation hub = new HubSimulation().accept(notifications(
                "acd-session/01-setup-agent-a.query", "acd-session/02-setup-agent-b.query"));

        hub.accept(new KeyyoCtiDialect().translate(KeyyoTestSupport.ctiPost("line=33172587948",
                "{\"callref\":\"KYACD0001A\",\"caller\":\"33612345678\",\"callee\":\"33975123456\","
                        + "\"state\":\"CONNECT\",\"setup_date\":1736863200,\"connect_date\":1736863207}"),
                KeyyoTestSupport.source()).get(0));

        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).answered()).isTrue();
    }

    @Test
    void eventKeysOfTheTwoFeedsNeverCollide() {
        assertThat(cti("cti/inbound-answered/01-setup.json").eventKey())
                .isNotEqualTo(notification("inbound-answered/01-setup.query").eventKey())
                .startsWith("cti|");
    }
}

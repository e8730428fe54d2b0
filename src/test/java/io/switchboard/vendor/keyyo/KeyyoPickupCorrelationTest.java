package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notification;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line A rings, colleague B intercepts it: B's dialog names A's dialog in DREF_REPLACE. */
class KeyyoPickupCorrelationTest {

    private static final String RINGING_DREF = "1f2e3d4c5b6a79881726354453627180";
    private static final String PICKUP_DREF = "aa11bb22cc33dd44ee55ff6600778899";

    private static final String[] SCENARIO = {
        "pickup/01-setup-ringing-line.query",
        "pickup/02-setup-intercepting-line.query",
        "pickup/03-release-replaced-dialog.query",
        "pickup/04-connect-intercepting-line.query",
        "pickup/05-release-intercepting-line.query"
    };

    @Test
    void theInterceptingDialogLinksTheReplacedDialog() {
        CallEvent e = notification("pickup/02-setup-intercepting-line.query");

        assertThat(e.vendorCallId()).isEqualTo("KY8F2A4C6E8B0D1E40");
        assertThat(e.legId()).isEqualTo(PICKUP_DREF);
        assertThat(e.linkedIds()).containsExactly(RINGING_DREF);
        assertThat(e.attributes()).contains(entry("drefReplace", RINGING_DREF), entry("interception", "true"));
    }

    @Test
    void anInterceptionReadsAsAnInboundCallFromTheOriginalCallerToTheInterceptingLine() {
        CallEvent e = notification("pickup/04-connect-intercepting-line.query");

        assertThat(e.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(e.line()).isEqualTo("+33172587949");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.from().number()).isEqualTo("+33612345678");
        assertThat(e.from().raw()).isEqualTo("33612345678");
        assertThat(e.to().number()).isEqualTo("+33172587949");
        assertThat(e.agent()).isEqualTo("+33172587949");
    }

    @Test
    void allFiveNotificationsJoinOneAnsweredCallThatEndsWhenBothDialogsAreReleased() {
        HubSimulation hub = new HubSimulation().accept(notifications(SCENARIO));

        assertThat(hub.calls()).hasSize(1);
        HubSimulation.SimCall call = hub.calls().get(0);
        assertThat(call.legKeys()).containsExactlyInAnyOrder(RINGING_DREF, PICKUP_DREF);
        assertThat(call.answered()).isTrue();
        assertThat(call.ended()).isTrue();
        assertThat(call.direction()).isEqualTo(Direction.INBOUND);
        assertThat(call.agent()).isEqualTo("+33172587949");
    }

    @Test
    void theCallIsStillOpenAfterTheReplacedDialogIsReleased() {
        HubSimulation hub = new HubSimulation().accept(notifications(SCENARIO[0], SCENARIO[1], SCENARIO[2], SCENARIO[3]));

        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).isFalse();
    }

    @Test
    void reverseArrivalOrderStillGivesOneCall() {
        List<CallEvent> events = new ArrayList<>(notifications(SCENARIO));
        Collections.reverse(events);

        HubSimulation hub = new HubSimulation().accept(events);

        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).ended()).isTrue();
        assertThat(hub.calls().get(0).answered()).isTrue();
    }

    @Test
    void aLaterNotificationWithoutDrefReplaceLooksOutboundButTheCallKeepsItsFirstDirection() {
        CallEvent release = notification(SCENARIO[4]);

        assertThat(release.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(release.linkedIds()).isEmpty();
        HubSimulation hub = new HubSimulation().accept(notifications(SCENARIO));
        assertThat(hub.calls().get(0).direction()).isEqualTo(Direction.INBOUND);
    }
}

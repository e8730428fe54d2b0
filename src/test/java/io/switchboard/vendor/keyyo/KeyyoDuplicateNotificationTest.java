package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.fixture;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.get;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.notifications;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.ingress.InboundRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyyoDuplicateNotificationTest {

    private final KeyyoDialect dialect = new KeyyoDialect();

    @Test
    void aRetriedNotificationGivesTheSameEventAndKeyWhenReceivedLater() {
        String query = fixture("inbound-answered/02-connect.query");
        InboundRequest later = new InboundRequest("keyyo", "keyyo-paris", "GET", query, null, null, Map.of(),
                Instant.parse("2025-01-14T13:00:00Z"), 42L);

        CallEvent first = dialect.translate(get(query), source()).get(0);
        CallEvent retry = dialect.translate(later, source()).get(0);

        assertThat(retry).isEqualTo(first);
        assertThat(first.eventKey()).isNotNull();
    }

    @Test
    void theHubDropsTheRetryByItsKey() {
        List<CallEvent> events = notifications("inbound-answered/01-setup.query", "inbound-answered/02-connect.query",
                "inbound-answered/02-connect.query", "inbound-answered/03-release.query",
                "inbound-answered/03-release.query");

        HubSimulation hub = new HubSimulation().accept(events);

        assertThat(hub.calls()).hasSize(1);
        assertThat(hub.calls().get(0).events).hasSize(3);
    }

    @Test
    void everyEventOfAScenarioHasADistinctKey() {
        List<CallEvent> events = notifications("pickup/01-setup-ringing-line.query",
                "pickup/02-setup-intercepting-line.query", "pickup/03-release-replaced-dialog.query",
                "pickup/04-connect-intercepting-line.query", "pickup/05-release-intercepting-line.query");

        assertThat(events).extracting(CallEvent::eventKey).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theSameDialogSeenFromTwoLinesGivesTwoKeys() {
        String tail = "&type=SETUP&callref=C1&dref=D1&tsms=1736849702123";
        CallEvent fromA = dialect.translate(get("account=33172587948&caller=33172587948&callee=33172587949" + tail),
                source()).get(0);
        CallEvent fromB = dialect.translate(get("account=33172587949&caller=33172587948&callee=33172587949" + tail),
                source()).get(0);

        assertThat(fromA.eventKey()).isNotEqualTo(fromB.eventKey());
        assertThat(fromA.vendorCallId()).isEqualTo(fromB.vendorCallId());
    }

    @Test
    void aKeyNeedsADialogIdAndATime() {
        assertThat(key("account=33172587948&type=SETUP&callref=C1&tsms=1736849702123"))
                .isEqualTo("+33172587948|C1||SETUP|1736849702123");
        assertThat(key("account=33172587948&type=SETUP&dref=D1&tsms=1736849702123"))
                .isEqualTo("+33172587948||D1|SETUP|1736849702123");
        assertThat(key("account=33172587948&type=SETUP&callref=C1")).isNull();
        assertThat(key("account=33172587948&type=SETUP&tsms=1736849702123")).isNull();
    }

    private String key(String query) {
        return dialect.translate(get(query), source()).get(0).eventKey();
    }
}

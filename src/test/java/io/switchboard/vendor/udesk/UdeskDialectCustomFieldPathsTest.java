package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.APP_ID;
import static io.switchboard.vendor.udesk.UdeskFixtures.HOTLINE;
import static io.switchboard.vendor.udesk.UdeskFixtures.SECRET;
import static io.switchboard.vendor.udesk.UdeskFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import io.switchboard.config.Source.UdeskFields;
import io.switchboard.ingress.InboundRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UdeskDialectCustomFieldPathsTest {

    private final Source source = UdeskFixtures.source("udesk-custom", APP_ID, SECRET, UdeskFixtures.customFields());
    private final UdeskDialect dialect = UdeskFixtures.dialect();
    private final InboundRequest request =
            UdeskFixtures.request(null, UdeskFixtures.fixture("custom-paths/01-agent-answer.json"), Map.of());

    @Test
    void authenticatesWithCredentialsInsideTheBody() {
        Source found = dialect.authenticate(request, null, UdeskFixtures.sources(UdeskFixtures.source(), source));

        assertThat(found.id()).isEqualTo("udesk-custom");
    }

    @Test
    void readsEveryFieldThroughItsPointer() {
        List<CallEvent> events = dialect.translate(request, source);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.vendorEventType()).isEqualTo("agent_answer");
            assertThat(e.kind()).isEqualTo(EventKind.ANSWER);
            assertThat(e.vendorCallId()).isEqualTo("5c2b8e91-4f0d-4a3c-b7e6-9d8a1f2c3e05");
            assertThat(e.occurredAt()).isEqualTo(T0);
            assertThat(e.direction()).isEqualTo(Direction.INBOUND);
            assertThat(e.from()).isEqualTo(Party.number("0085223456789", "+85223456789"));
            assertThat(e.to()).isEqualTo(Party.extension("8001", "8001"));
            assertThat(e.line()).isEqualTo(HOTLINE);
            assertThat(e.agent()).isEqualTo("1003");
            assertThat(e.recordingUrl()).isNull();
            assertThat(e.eventKey()).isEqualTo("5c2b8e91-4f0d-4a3c-b7e6-9d8a1f2c3e05|agent_answer|1709630100000");
        });
    }

    @Test
    void keepsStructuredUserDataAsJsonText() {
        CallEvent event = dialect.translate(request, source).get(0);

        assertThat(event.attributes())
                .containsEntry("userData", "{\"crm_id\":42,\"tags\":[\"vip\"]}")
                .containsEntry("callDirection", "in")
                .doesNotContainKey("hangupBy");
    }

    @Test
    void thePointersOfTheDefaultSourceFindNothingInThisBody() {
        assertThat(UdeskJson.text(UdeskFixtures.json("custom-paths/01-agent-answer.json"), "/Event")).isNull();
    }

    @Test
    void aFieldNameWithoutLeadingSlashIsATopLevelField() {
        UdeskFields bare = new UdeskFields("Event", "CallId", "Timestamp", "CallDirection", "CallerNumber",
                "DestNumber", "SpNumber", "AgentId", "HangupBy", "RecordUrl", "UserData", "AppId", "Sign", "Timestamp");
        Source bareSource = UdeskFixtures.source("udesk-bare", APP_ID, SECRET, bare);
        byte[] body = "{\"Event\":\"begin\",\"CallId\":\"c-9\",\"CallDirection\":\"in\"}".getBytes(StandardCharsets.UTF_8);

        CallEvent event = dialect.translate(UdeskFixtures.signed(body), bareSource).get(0);

        assertThat(event.vendorCallId()).isEqualTo("c-9");
        assertThat(event.kind()).isEqualTo(EventKind.RING);
        assertThat(event.direction()).isEqualTo(Direction.INBOUND);
    }
}

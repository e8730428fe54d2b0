package io.switchboard.vendor.keyyo;

import static io.switchboard.vendor.keyyo.KeyyoTestSupport.RECEIVED_AT;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.cti;
import static io.switchboard.vendor.keyyo.KeyyoTestSupport.ctiPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.switchboard.call.CallEvent;
import io.switchboard.call.Direction;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import io.switchboard.config.Source;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyyoCtiTranslationTest {

    private static final String CALLREF = "KY7A41C2E09B5D4F6E";
    private static final Source ONE_LINE = KeyyoTestSupport.source(List.of("33172587948"), KeyyoNotification.DEFAULT_NAMES);

    private CallEvent relay(String query, String json, Source source) {
        return new KeyyoCtiDialect().translate(ctiPost(query, json), source).get(0);
    }

    @Test
    void setupIsARingOfVendorKeyyoAtTheSetupDate() {
        CallEvent e = cti("cti/inbound-answered/01-setup.json", "line=33172587948");

        assertThat(e.vendor()).isEqualTo("keyyo");
        assertThat(e.source()).isEqualTo("keyyo-paris");
        assertThat(e.kind()).isEqualTo(EventKind.RING);
        assertThat(e.vendorEventType()).isEqualTo("cti:SETUP");
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:15:02Z"));
        assertThat(e.eventKey()).isEqualTo("cti|" + CALLREF + "|SETUP");
        assertThat(e.vendorCallId()).isEqualTo(CALLREF);
        assertThat(e.legId()).isNull();
        assertThat(e.line()).isEqualTo("+33172587948");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.from()).isEqualTo(Party.number("33612345678", "+33612345678"));
        assertThat(e.to()).isEqualTo(Party.number("33172587948", "+33172587948"));
        assertThat(e.startedAtHint()).isNull();
        assertThat(e.attributes()).containsOnly(entry("feed", "cti"), entry("callref", CALLREF),
                entry("ctiState", "SETUP"));
    }

    @Test
    void connectIsAnAnswerAtTheConnectDateByTheLine() {
        CallEvent e = cti("cti/inbound-answered/02-connect.json", "line=33172587948");

        assertThat(e.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:15:10Z"));
        assertThat(e.startedAtHint()).isEqualTo(Instant.parse("2025-01-14T10:15:02Z"));
        assertThat(e.agent()).isEqualTo("+33172587948");
        assertThat(e.eventKey()).isEqualTo("cti|" + CALLREF + "|CONNECT");
    }

    @Test
    void releaseIsAHangupAtTheReleaseDateCarryingStartAndAnswerHints() {
        CallEvent e = cti("cti/inbound-answered/03-release.json", "line=33172587948");

        assertThat(e.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:16:35Z"));
        assertThat(e.startedAtHint()).isEqualTo(Instant.parse("2025-01-14T10:15:02Z"));
        assertThat(e.answeredAtHint()).isEqualTo(Instant.parse("2025-01-14T10:15:10Z"));
        assertThat(e.outcomeHint()).isNull();
    }

    @Test
    void missedIsAHangupWithoutHintOfAnswer() {
        CallEvent e = cti("cti/inbound-missed/02-missed.json");

        assertThat(e.kind()).isEqualTo(EventKind.HANGUP);
        assertThat(e.vendorEventType()).isEqualTo("cti:MISSED");
        assertThat(e.outcomeHint()).isNull();
        assertThat(e.answeredAtHint()).isNull();
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T11:00:25Z"));
        assertThat(e.eventKey()).isEqualTo("cti|KY0D93E1F27A6C4B58|MISSED");
    }

    @Test
    void theInnerCallObjectAloneIsAcceptedAndItsLineFieldRead() {
        CallEvent e = cti("cti/inbound-missed/01-setup.json");

        assertThat(e.kind()).isEqualTo(EventKind.RING);
        assertThat(e.line()).isEqualTo("+33172587948");
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
    }

    @Test
    void lineComesFromQueryThenMessageThenTheSourcesOnlyLine() {
        String wrapped = "{\"notify\":\"call\",\"line\":\"33172587949\",\"call\":{\"callref\":\"C1\",\"caller\":"
                + "\"33172587949\",\"callee\":\"33145678901\",\"state\":\"SETUP\",\"setup_date\":1736856000}}";
        String bare = "{\"callref\":\"C1\",\"caller\":\"33172587948\",\"callee\":\"33145678901\",\"state\":\"SETUP\"}";

        assertThat(relay("line=33172587948", wrapped, ONE_LINE).line()).isEqualTo("+33172587948");
        CallEvent fromWrapper = relay(null, wrapped, ONE_LINE);
        assertThat(fromWrapper.line()).isEqualTo("+33172587949");
        assertThat(fromWrapper.direction()).isEqualTo(Direction.OUTBOUND);
        CallEvent fromSource = relay(null, bare, ONE_LINE);
        assertThat(fromSource.line()).isEqualTo("+33172587948");
        assertThat(fromSource.direction()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void withSeveralConfiguredLinesAndNoLineTheLineAndDirectionStayUnknown() {
        CallEvent e = cti("cti/outbound-parked/01-setup.json");

        assertThat(e.line()).isNull();
        assertThat(e.direction()).isNull();
        assertThat(e.from().number()).isEqualTo("+33172587948");
    }

    @Test
    void aMissingDateFallsBackToTheReceptionTime() {
        CallEvent e = relay(null, "{\"callref\":\"C1\",\"state\":\"RELEASE\",\"release_date\":null}", ONE_LINE);

        assertThat(e.occurredAt()).isEqualTo(RECEIVED_AT);
        assertThat(e.from()).isNull();
        assertThat(e.direction()).isNull();
    }

    @Test
    void datesAndCallrefMayBeStringsOrNumbersAndStateAnyCase() {
        CallEvent e = relay(null, "{\"callref\":12345,\"state\":\"connect\",\"connect_date\":\"1736856012\"}", ONE_LINE);

        assertThat(e.vendorCallId()).isEqualTo("12345");
        assertThat(e.kind()).isEqualTo(EventKind.ANSWER);
        assertThat(e.eventKey()).isEqualTo("cti|12345|CONNECT");
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T12:00:12Z"));
    }

    @Test
    void aParkedCallKeepsItsSlot() {
        CallEvent e = cti("cti/outbound-parked/03-connect-parked.json", "line=33172587948");

        assertThat(e.attributes()).containsEntry("callparkSlot", "3");
        assertThat(e.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(e.eventKey()).isEqualTo("cti|KY3C5E7A9B1D2F4A60|CONNECT");
    }

    @Test
    void theTranslatorIsUsableWithoutHttp() {
        CallEvent e = KeyyoCtiTranslator.translate(
                KeyyoCtiTranslator.parse("{\"callref\":\"C1\",\"caller\":\"33612345678\",\"callee\":\"33172587948\","
                        + "\"state\":\"SETUP\",\"setup_date\":1736849702}"),
                ONE_LINE, "33172587948", RECEIVED_AT);

        assertThat(e.kind()).isEqualTo(EventKind.RING);
        assertThat(e.direction()).isEqualTo(Direction.INBOUND);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-01-14T10:15:02Z"));
    }
}

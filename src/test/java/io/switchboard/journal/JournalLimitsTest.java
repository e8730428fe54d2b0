package io.switchboard.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import io.switchboard.call.Party;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalLimitsTest {

    private static CallEvent.Builder event() {
        return CallEvent.builder("keyyo", "SETUP", EventKind.RING, Instant.parse("2026-12-04T09:00:00Z"))
                .eventKey("keyyo:ref-1:SETUP")
                .vendorCallId("ref-1")
                .line("+33123456789")
                .from(Party.number("33698765432", "+33698765432"))
                .to(Party.extension("101", "101"))
                .agent("agent@example.com")
                .recordingUrl("https://rec.example/1.mp3")
                .attributes(Map.of("redirecting", "+33698765400"));
    }

    @Test
    void anEventAtTheLimitsIsStorable() {
        CallEvent atLimits = event()
                .vendorCallId("c".repeat(JournalLimits.ID))
                .legId("l".repeat(JournalLimits.ID))
                .linkedIds(List.of("k".repeat(JournalLimits.ID)))
                .line("1".repeat(JournalLimits.NUMBER))
                .from(Party.number("x", "2".repeat(JournalLimits.NUMBER)))
                .agent("a".repeat(JournalLimits.ID))
                .recordingUrl("https://r/" + "u".repeat(JournalLimits.URL - 10))
                .eventKey("e".repeat(JournalLimits.EVENT_KEY))
                .attributes(Map.of("emoji", "call from \uD83D\uDCDE"))
                .build();

        assertThat(JournalLimits.problem(event().build())).isEmpty();
        assertThat(JournalLimits.problem(atLimits)).isEmpty();
    }

    @Test
    void eachSizedFieldOneCharacterOverIsNamed() {
        Map<String, CallEvent> over = Map.of(
                "vendorCallId", event().vendorCallId("c".repeat(JournalLimits.ID + 1)).build(),
                "legId", event().legId("l".repeat(JournalLimits.ID + 1)).build(),
                "linkedIds", event().linkedIds(List.of("ok", "k".repeat(JournalLimits.ID + 1))).build(),
                "line", event().line("1".repeat(JournalLimits.NUMBER + 1)).build(),
                "from", event().from(Party.number("x", "2".repeat(JournalLimits.NUMBER + 1))).build(),
                "to", event().to(Party.extension("x", "3".repeat(JournalLimits.NUMBER + 1))).build(),
                "agent", event().agent("a".repeat(JournalLimits.ID + 1)).build(),
                "recordingUrl", event().recordingUrl("u".repeat(JournalLimits.URL + 1)).build(),
                "eventKey", event().eventKey("e".repeat(JournalLimits.EVENT_KEY + 1)).build(),
                "vendorEventType", CallEvent.builder("keyyo", "T".repeat(JournalLimits.EVENT_TYPE + 1), EventKind.RING,
                        Instant.parse("2026-12-04T09:00:00Z")).build());

        over.forEach((field, e) -> assertThat(JournalLimits.problem(e)).as(field).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo("field_too_long");
            assertThat(p.message()).contains("'s " + field + " is longer than");
        }));
    }

    @Test
    void aHubCallbackIdMustFitTheCallKeysBehindItsPrefix() {
        int max = JournalLimits.ID - CorrelationKeys.CALL_API_ID.length();
        String atLimit = "cb-" + "a".repeat(max - 3);

        assertThat(JournalLimits.problem(event().attributes(Map.of("callApiId", atLimit)).build())).isEmpty();
        assertThat(JournalLimits.problem(event().attributes(Map.of("callApiId", atLimit + "b")).build()))
                .hasValueSatisfying(p -> {
                    assertThat(p.code()).isEqualTo("field_too_long");
                    assertThat(p.message()).contains("attributes.callApiId").contains(String.valueOf(max));
                });
        assertThat(JournalLimits.problem(event().attributes(Map.of("callApiId", "x".repeat(max + 1))).build()))
                .as("not a hub callback: no call key, no limit").isEmpty();
    }

    @Test
    void unpairedSurrogatesAndNulAreInvalidTextInAnyField() {
        assertThat(JournalLimits.problem(event().vendorCallId("\uD800").build()))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("vendorCallId").contains("\\ud800"));
        assertThat(JournalLimits.problem(event().from(Party.number("33\uDC00", "+33")).build()))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("from"));
        assertThat(JournalLimits.problem(event().agent("ends high \uD83D").build())).isPresent();
        assertThat(JournalLimits.problem(event().attributes(Map.of("note", "a\u0000b")).build()))
                .hasValueSatisfying(p -> {
                    assertThat(p.code()).isEqualTo("invalid_text");
                    assertThat(p.message()).contains("attributes.note").contains("NUL");
                });
        assertThat(JournalLimits.problem(event().line("+331\u0000").build()))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("invalid_text"));
    }
}

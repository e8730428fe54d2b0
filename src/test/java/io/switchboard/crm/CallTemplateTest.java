package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.call.CanonicalJson;
import org.junit.jupiter.api.Test;

/** JSON-pointer body templates: typed values, text interpolation, conversions, and what is refused. */
class CallTemplateTest {

    private static final JsonNode CALL = json("""
            {"id":"5f0c1e9a-0000-4000-8000-000000000001","vendor":"telphin","direction":"INBOUND",
             "from":"+79161234567","to":"000*101","state":"ENDED","outcome":"ANSWERED",
             "startedAt":"2026-11-23T09:59:30Z","endedAt":"2026-11-23T10:01:05Z",
             "ringSeconds":8,"talkSeconds":95,"agent":null,"legs":["a-0001"]}
            """);

    private static JsonNode json(String text) {
        try {
            return CanonicalJson.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWholeStringPlaceholderKeepsTheValuesJsonType() {
        String body = CallTemplate.parse("""
                {"id": "${/id}", "talk": "${/talkSeconds}", "agent": "${/agent}", "legs": "${/legs}", "nope": "${/missing}"}
                """).render(CALL);

        assertThat(json(body)).isEqualTo(json("""
                {"id":"5f0c1e9a-0000-4000-8000-000000000001","talk":95,"agent":null,"legs":["a-0001"],"nope":null}
                """));
    }

    @Test
    void textAroundPlaceholdersMakesAStringAndMissingValuesAreEmpty() {
        String body = CallTemplate.parse("""
                {"title": "Call from ${/from} to ${/to}", "note": "agent: ${/agent}.", "plain": "no placeholder", "n": 3}
                """).render(CALL);

        assertThat(json(body)).isEqualTo(json("""
                {"title":"Call from +79161234567 to 000*101","note":"agent: .","plain":"no placeholder","n":3}
                """));
    }

    @Test
    void conversionsShapeValuesForCrmFields() {
        String body = CallTemplate.parse("""
                {"properties": {"hs_call_duration": "${/talkSeconds|millis}", "hs_timestamp": "${/startedAt|epochMillis}",
                 "day": "${/endedAt|date}", "dir": "${/direction|lower}", "event": "call.${/state|lower}",
                 "v": "${/vendor|upper}", "none": "${/agent|millis}"}}
                """).render(CALL);

        assertThat(json(body)).isEqualTo(json("""
                {"properties":{"hs_call_duration":95000,"hs_timestamp":1795427970000,"day":"2026-11-23",
                 "dir":"inbound","event":"call.ended","v":"TELPHIN","none":null}}
                """));
    }

    @Test
    void valuesCannotBreakOutOfTheirString() {
        JsonNode hostile = json("{\"from\":\"\\\"}, \\\"admin\\\": true, {\\\"\"}");

        String body = CallTemplate.parse("{\"title\": \"Call from ${/from}\"}").render(hostile);

        assertThat(json(body).size()).isEqualTo(1);
        assertThat(json(body).get("title").asText()).isEqualTo("Call from \"}, \"admin\": true, {\"");
    }

    @Test
    void theWholeCallAndTheEmptyTemplate() {
        assertThat(json(CallTemplate.parse("{\"call\": \"${}\"}").render(CALL)).get("call")).isEqualTo(CALL);
        assertThat(json(CallTemplate.parse("").render(CALL))).isEqualTo(CALL);
        assertThat(json(CallTemplate.parse(null).render(CALL))).isEqualTo(CALL);
    }

    @Test
    void aTemplateThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> CallTemplate.parse("{\"id\": ${/id}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("body template is not valid JSON");
    }

    @Test
    void unknownConversionsAndBrokenPlaceholdersAreRefused() {
        assertThatThrownBy(() -> CallTemplate.parse("{\"a\": \"${/talkSeconds|hours}\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown conversion '|hours'");
        assertThatThrownBy(() -> CallTemplate.parse("{\"a\": \"${id}\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not ${/json/pointer}");
    }
}

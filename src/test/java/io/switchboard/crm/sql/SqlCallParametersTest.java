package io.switchboard.crm.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The named parameters the SQL sink binds for a canonical call. */
class SqlCallParametersTest {

    private static final String CALL = """
            {"id":"5f0c1e9a-0000-4000-8000-000000000001","vendor":"telphin","source":"telphin-demo",
             "vendorCallId":"a1f4","line":"+74951234567","direction":"INBOUND","from":"+79161234567",
             "to":"000*101","state":"ENDED","outcome":"ANSWERED","startedAt":"2026-11-23T09:59:30Z",
             "answeredAt":"2026-11-23T09:59:38Z","endedAt":"2026-11-23T10:01:05Z","ringSeconds":8,
             "talkSeconds":95,"agent":null,"recordingUrl":null,"legs":["a1f4-0001"]}
            """;

    @Test
    void everyCallFieldByItsCanonicalNameWithTypedTimesAndNumbers() throws Exception {
        Map<String, Object> p = SqlCallParameters.parameters(CALL, "ENDED", "ended-calls-to-sql", 42L);

        assertThat(p)
                .containsEntry("callId", "5f0c1e9a-0000-4000-8000-000000000001")
                .containsEntry("id", "5f0c1e9a-0000-4000-8000-000000000001")
                .containsEntry("vendor", "telphin")
                .containsEntry("from", "+79161234567")
                .containsEntry("to", "000*101")
                .containsEntry("outcome", "ANSWERED")
                .containsEntry("startedAt", Timestamp.from(Instant.parse("2026-11-23T09:59:30Z")))
                .containsEntry("endedAt", Timestamp.from(Instant.parse("2026-11-23T10:01:05Z")))
                .containsEntry("talkSeconds", 95L)
                .containsEntry("ringSeconds", 8L)
                .containsEntry("agent", null)
                .containsEntry("recordingUrl", null)
                .containsEntry("legs", "[\"a1f4-0001\"]")
                .containsEntry("changeState", "ENDED")
                .containsEntry("subscription", "ended-calls-to-sql")
                .containsEntry("feedSeq", 42L)
                .containsEntry("callJson", CALL);
    }

    @Test
    void missingFieldsAreNull() throws Exception {
        Map<String, Object> p = SqlCallParameters.parameters("{\"id\":\"c-1\",\"state\":\"RINGING\"}", "RINGING", null, null);

        assertThat(p).containsEntry("callId", "c-1").containsEntry("endedAt", null).containsEntry("talkSeconds", null);
    }

    @Test
    void aBodyThatIsNotACallIsRefused() {
        assertThatThrownBy(() -> SqlCallParameters.parameters("[1,2]", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlCallParameters.parameters("{\"id\":\"c\",\"endedAt\":\"yesterday\"}", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endedAt");
    }
}

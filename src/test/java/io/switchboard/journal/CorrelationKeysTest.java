package io.switchboard.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import io.switchboard.call.EventKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationKeysTest {

    private static CallEvent.Builder event(String vendor) {
        return CallEvent.builder(vendor, "x", EventKind.RING, Instant.EPOCH);
    }

    @Test
    void vendorIdsAreKeys() {
        assertThat(CorrelationKeys.of(event("keyyo").vendorCallId("C").legId("L").linkedIds(List.of("R", " ")).build()))
                .containsExactly("C", "L", "R");
    }

    @Test
    void onlyTheHubsOwnCdrFieldIsAKey() {
        String hubTag = "sb" + "0123456789abcdef0123456789abcd";
        assertThat(CorrelationKeys.of(event("callr").attributes(Map.of("cdr_field", hubTag)).build()))
                .containsExactly("cdr_field:" + hubTag);
        assertThat(CorrelationKeys.of(event("callr").attributes(Map.of("cdr_field", "campaign7")).build())).isEmpty();
    }

    @Test
    void callbackCallApiIdsAreKeysWithAndWithoutTheirPrefix() {
        assertThat(CorrelationKeys.of(event("telphin").attributes(Map.of("callApiId", "cb-42-ab")).build()))
                .containsExactlyInAnyOrder("call_api_id:cb-42-ab", "call_api_id:42-ab");
        assertThat(CorrelationKeys.of(event("telphin").attributes(Map.of("callApiId", "42-ab")).build())).isEmpty();
    }
}

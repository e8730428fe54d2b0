package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundRequestTest {

    private static InboundRequest get(String query) {
        return new InboundRequest("telphin", null, "GET", query, null, null, Map.of(), Instant.EPOCH, null);
    }

    private static InboundRequest form(String query, String body) {
        return new InboundRequest("keyyo", null, "POST", query, "application/x-www-form-urlencoded; charset=UTF-8",
                body.getBytes(StandardCharsets.UTF_8), Map.of(), Instant.EPOCH, null);
    }

    @Test
    void aParameterGivenTwiceWithDifferentValuesIsA400NamingItNotItsValues() {
        assertThatThrownBy(() -> get("CallID=abc&EventType=hangup&CallID=def").params())
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("repeated_parameter");
                    assertThat(e.getMessage()).contains("'CallID'").doesNotContain("abc").doesNotContain("def");
                });
        assertThatThrownBy(() -> form(null, "account=1&type=SETUP&type=RELEASE").params())
                .isInstanceOfSatisfying(RejectedRequestException.class, e -> assertThat(e.code()).isEqualTo("repeated_parameter"));
    }

    @Test
    void theSameValueTwiceCountsOnce() {
        assertThat(get("caller=0612&type=SETUP&caller=0612").params())
                .containsExactly(Map.entry("caller", "0612"), Map.entry("type", "SETUP"));
    }

    @Test
    void aFormFieldStillWinsOverAQueryParameterOfTheSameName() {
        assertThat(form("type=SETUP&account=1", "type=RELEASE").params())
                .containsEntry("type", "RELEASE")
                .containsEntry("account", "1");
    }

    @Test
    void namesDifferingInCaseAreDifferentParametersHere() {
        assertThat(get("CallID=1&callid=2").params()).containsEntry("CallID", "1").containsEntry("callid", "2");
    }
}

package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.translate;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.call.CallEvent;
import org.junit.jupiter.api.Test;

class CallrRetryTest {

    @Test
    void retryIsTheSameEventForTheHub() {
        CallEvent first = translate("retry/01-inbound-hangup-try0.json");
        CallEvent retry = translate("retry/02-inbound-hangup-try1.json");

        assertThat(first.eventKey()).isEqualTo("evt_01JPA8R0D2F4H6K8M0P2R4T6V8");
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void translatingTheSameRequestTwiceGivesTheSameEvent() {
        assertThat(translate("inbound-forwarded/03-outbound-hangup.json"))
                .isEqualTo(translate("inbound-forwarded/03-outbound-hangup.json"));
    }
}

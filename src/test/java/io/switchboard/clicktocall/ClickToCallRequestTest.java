package io.switchboard.clicktocall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ingress.RejectedRequestException;
import org.junit.jupiter.api.Test;

class ClickToCallRequestTest {

    @Test
    void surroundingWhitespaceIsDroppedButAControlCharacterAtEitherEndIsRefused() {
        assertThat(ClickToCallRequest.parse("{\"agent\":\" keyyo-agent \",\"number\":\" +33698765432\\t\"}").number())
                .isEqualTo("+33698765432");

        for (String number : new String[] {"+33698765432\\u0000", "\\u0001+33698765432", "+336987\\u000065432"}) {
            assertThatThrownBy(() -> ClickToCallRequest.parse("{\"agent\":\"keyyo-agent\",\"number\":\"" + number + "\"}"))
                    .as(number)
                    .isInstanceOfSatisfying(RejectedRequestException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid_field");
                        assertThat(e.getMessage()).contains("'number'").contains("control characters");
                    });
        }
    }
}

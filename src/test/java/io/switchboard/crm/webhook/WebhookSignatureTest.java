package io.switchboard.crm.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The webhook signature against HMAC-SHA256 values computed by another implementation (Python's hmac). */
class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyAsLowerCaseHex() {
        String body = "{\"callId\":\"c-1\",\"from\":\"+33123456789\"}";

        assertThat(WebhookSignature.sign("whsec-test-secret", 1795435200L, body))
                .isEqualTo("sha256=9d9f97bf08553b8c4bd992e293e77d59fcc4b261274aedb93599a659f274142a");
    }

    @Test
    void keyAndBodyAreUtf8() {
        assertThat(WebhookSignature.sign("clé", 1795435200L, "{\"n\":\"Zoë\"}"))
                .isEqualTo("sha256=64995cc9a1e39db4d2ffaf152a29b469aadb9d08eec86fce599e82415702411d");
    }

    @Test
    void verifyAcceptsOnlyTheSameSecretTimestampAndBody() {
        String body = "{\"callId\":\"c-1\"}";
        String signature = WebhookSignature.sign("s3cret", 1795435200L, body);

        assertThat(WebhookSignature.verify("s3cret", 1795435200L, body, signature)).isTrue();
        assertThat(WebhookSignature.verify("other", 1795435200L, body, signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", 1795435201L, body, signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", 1795435200L, body + " ", signature)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", 1795435200L, body, null)).isFalse();
    }
}

package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.SECRET;
import static io.switchboard.vendor.callr.CallrFixtures.SOURCE;
import static io.switchboard.vendor.callr.CallrFixtures.body;
import static io.switchboard.vendor.callr.CallrFixtures.request;
import static io.switchboard.vendor.callr.CallrFixtures.source;
import static io.switchboard.vendor.callr.CallrFixtures.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallrSignatureRejectionTest {

    private final CallrDialect dialect = new CallrDialect();
    private final byte[] body = body("inbound-answered/02-inbound-hangup.json");

    private RejectedRequestException reject(InboundRequest request, Sources sources) {
        RejectedRequestException e =
                catchThrowableOfType(() -> dialect.authenticate(request, null, sources), RejectedRequestException.class);
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return e;
    }

    @Test
    void missingHeader() {
        RejectedRequestException e = reject(request(body, null), sources(SOURCE));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("missing X-CALLR-HmacSignature");
    }

    @Test
    void blankHeader() {
        assertThat(reject(request(body, "  "), sources(SOURCE)).getMessage()).isEqualTo("missing X-CALLR-HmacSignature");
    }

    @Test
    void tamperedBody() {
        String signature = CallrSigner.sign(body, SECRET);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace("\"duration_answered\": 282", "\"duration_answered\": 0")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(body);

        RejectedRequestException e = reject(request(tampered, signature), sources(SOURCE));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("signature does not match");
    }

    @Test
    void reformattedBodyIsNotTheSignedBody() {
        String signature = CallrSigner.sign(body, SECRET);
        byte[] compact = CallrFixtures.bytes(CallrFixtures.tree("inbound-answered/02-inbound-hangup.json"));

        assertThat(reject(request(compact, signature), sources(SOURCE)).getMessage())
                .isEqualTo("signature does not match");
    }

    @Test
    void wrongSecret() {
        RejectedRequestException e =
                reject(request(body, CallrSigner.sign(body, "some-other-secret")), sources(SOURCE));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("signature does not match");
    }

    @Test
    void signedWithAnotherAlgorithmThanConfigured() {
        RejectedRequestException e =
                reject(request(body, CallrSigner.sign(body, SECRET, "SHA1")), sources(SOURCE));

        assertThat(e.getMessage()).isEqualTo("signature does not match");
    }

    @Test
    void signatureThatIsNotBase64() {
        RejectedRequestException e = reject(request(body, "not*base64!"), sources(SOURCE));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("signature does not match");
    }

    @Test
    void hexSignatureIsNotAccepted() {
        String base64 = CallrSigner.sign(body, SECRET);
        String hex = java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(base64));

        assertThat(reject(request(body, hex), sources(SOURCE)).getMessage()).isEqualTo("signature does not match");
    }

    @Test
    void sourceWithoutSecretNeverAccepts() {
        Source noSecret = source("callr-nosecret", null, "SHA256");
        Source emptySecret = source("callr-empty", "", "SHA256");

        RejectedRequestException e =
                reject(request(body, CallrSigner.sign(body, SECRET)), sources(noSecret, emptySecret));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("unusable_source");
        assertThat(e.getMessage()).contains("hmac secret");
    }

    @Test
    void sourceWithoutSecretIsSkippedNextToAUsableOne() {
        Source noSecret = source("callr-nosecret", null, "SHA256");

        RejectedRequestException e = reject(request(body, CallrSigner.sign(body, "guess-0000")), sources(noSecret, SOURCE));

        assertThat(e.getMessage()).isEqualTo("signature does not match");
        assertThat(dialect.authenticate(request(body, CallrSigner.sign(body, SECRET)), null, sources(noSecret, SOURCE))
                        .id())
                .isEqualTo("callr-main");
    }

    @Test
    void unknownAlgorithmMakesTheSourceUnusable() {
        RejectedRequestException e = reject(
                request(body, CallrSigner.sign(body, SECRET)), sources(source("callr-bad", SECRET, "SHA3")));

        assertThat(e.code()).isEqualTo("unusable_source");
    }

    @Test
    void noCallrSourceConfigured() {
        Source keyyo = new Source("keyyo-main", "keyyo", "tok", "FR", List.of(), "[0-9*#]{1,6}", null, null, null);

        RejectedRequestException e = reject(request(body, CallrSigner.sign(body, SECRET)), sources(keyyo));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("No callr source is configured on this hub");
    }
}

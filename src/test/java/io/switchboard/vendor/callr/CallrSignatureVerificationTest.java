package io.switchboard.vendor.callr;

import static io.switchboard.vendor.callr.CallrFixtures.SECRET;
import static io.switchboard.vendor.callr.CallrFixtures.body;
import static io.switchboard.vendor.callr.CallrFixtures.request;
import static io.switchboard.vendor.callr.CallrFixtures.source;
import static io.switchboard.vendor.callr.CallrFixtures.sources;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.Source;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallrSignatureVerificationTest {

    /** Computed once with {@code openssl dgst -<algo> -hmac switchboard-test-secret -binary | base64}. */
    private static final String VECTOR_BODY = "{\"type\":\"billing.credit\",\"data\":{\"balance\":\"1000.00\"},"
            + "\"event_id\":\"evt_vector\",\"event_at\":\"2025-03-14T09:00:00.000Z\",\"hook_hash\":null,\"try\":0}";

    private final CallrDialect dialect = new CallrDialect();

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA1", "SHA256", "SHA512"})
    void acceptsTheRawBodySignedWithTheSourceAlgorithm(String algorithm) {
        Source source = source("callr-" + algorithm.toLowerCase(), SECRET, algorithm);
        byte[] body = body("inbound-answered/02-inbound-hangup.json");

        Source found = dialect.authenticate(
                request(body, CallrSigner.sign(body, SECRET, algorithm)), null, sources(source));

        assertThat(found.id()).isEqualTo("callr-" + algorithm.toLowerCase());
    }

    @ParameterizedTest
    @CsvSource({
        "MD5, 7fp5kwsD/6KNtYN0ooPlxg==",
        "SHA1, BbGMjsK7YchosRVFNF89dktyONw=",
        "SHA256, U6h6ma2nblV7J01FUU1Yw+JxWZnE7A37HFn+wFL6EWo=",
        "SHA512, bc96nusbaHhhaNYifMFAi6fBF2UDhlsUlvOTf+Jf/c3OWSxycFs+l3Ju37BeszxkY0qq3Y1vrCWTonomjaEDkQ=="
    })
    void matchesKnownVectors(String algorithm, String expected) {
        byte[] body = VECTOR_BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(CallrSigner.sign(body, SECRET, algorithm)).isEqualTo(expected);
        assertThat(dialect.authenticate(request(body, expected), null, sources(source("vec", SECRET, algorithm))).id())
                .isEqualTo("vec");
    }

    @Test
    void picksTheSourceWhoseSecretSigned() {
        Source first = source("callr-fr", "first-secret-0001", "SHA256");
        Source second = source("callr-uk", "second-secret-0002", "SHA512");
        byte[] body = body("sms/sms-mo.json");

        Source found = dialect.authenticate(
                request(body, CallrSigner.sign(body, "second-secret-0002", "SHA512")), null, sources(first, second));

        assertThat(found.id()).isEqualTo("callr-uk");
    }

    @Test
    void readsTheAlgorithmNameLeniently() {
        byte[] body = body("sms/sms-mo.json");
        String signature = CallrSigner.sign(body, SECRET, "SHA512");

        assertThat(dialect.authenticate(request(body, signature), null, sources(source("a", SECRET, "sha-512"))).id())
                .isEqualTo("a");
        assertThat(dialect.authenticate(request(body, signature), null, sources(source("b", SECRET, "HmacSHA512"))).id())
                .isEqualTo("b");
    }

    @Test
    void defaultsToSha256WhenNoAlgorithmIsConfigured() {
        byte[] body = body("sms/sms-mo.json");

        Source found = dialect.authenticate(
                request(body, CallrSigner.sign(body, SECRET)), null, sources(source("callr-default", SECRET, null)));

        assertThat(found.id()).isEqualTo("callr-default");
    }

    @Test
    void ignoresThePathTokenAndSurroundingWhitespace() {
        byte[] body = body("recording/01-recording-new.json");

        Source found = dialect.authenticate(
                request(body, " " + CallrSigner.sign(body, SECRET) + " "), "anything", sources(CallrFixtures.SOURCE));

        assertThat(found.id()).isEqualTo("callr-main");
        assertThat(dialect.vendor()).isEqualTo("callr");
    }
}

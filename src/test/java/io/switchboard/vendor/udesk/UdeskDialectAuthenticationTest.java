package io.switchboard.vendor.udesk;

import static io.switchboard.vendor.udesk.UdeskFixtures.APP_ID;
import static io.switchboard.vendor.udesk.UdeskFixtures.NOW;
import static io.switchboard.vendor.udesk.UdeskFixtures.SECRET;
import static io.switchboard.vendor.udesk.UdeskFixtures.fixture;
import static io.switchboard.vendor.udesk.UdeskFixtures.request;
import static io.switchboard.vendor.udesk.UdeskFixtures.source;
import static io.switchboard.vendor.udesk.UdeskFixtures.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UdeskDialectAuthenticationTest {

    private static final byte[] BODY = fixture("inbound-answered/01-begin.json");
    private static final String SECONDS = String.valueOf(NOW.getEpochSecond());
    private static final String MILLIS = String.valueOf(NOW.toEpochMilli());

    private final UdeskDialect dialect = UdeskFixtures.dialect();
    private final Sources sources = sources(source());

    @Test
    void acceptsSignatureInQueryWithSecondsTimestamp() {
        Source found = dialect.authenticate(signedQuery(SECONDS), null, sources);

        assertThat(found.id()).isEqualTo("udesk-cn");
    }

    @Test
    void acceptsMillisecondsTimestamp() {
        assertThat(dialect.authenticate(signedQuery(MILLIS), null, sources).id()).isEqualTo("udesk-cn");
    }

    @Test
    void acceptsUpperCaseHexSignature() {
        String query = "Timestamp=" + SECONDS + "&AppId=" + APP_ID + "&Sign="
                + UdeskSigner.sign(APP_ID, SECRET, SECONDS).toUpperCase(Locale.ROOT);

        assertThat(dialect.authenticate(request(query, BODY, Map.of()), null, sources).id()).isEqualTo("udesk-cn");
    }

    @Test
    void acceptsCredentialsInHeaders() {
        Map<String, String> headers = Map.of(
                "appid", APP_ID, "timestamp", SECONDS, "sign", UdeskSigner.sign(APP_ID, SECRET, SECONDS));

        assertThat(dialect.authenticate(request(null, BODY, headers), null, sources).id()).isEqualTo("udesk-cn");
    }

    @Test
    void acceptsCredentialsInBodyThroughDefaultPointers() {
        String body = "{\"Event\":\"begin\",\"CallId\":\"c-1\",\"AppId\":\"" + APP_ID + "\",\"Timestamp\":" + MILLIS
                + ",\"Sign\":\"" + UdeskSigner.sign(APP_ID, SECRET, MILLIS) + "\"}";

        InboundRequest request = request(null, body.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(dialect.authenticate(request, null, sources).id()).isEqualTo("udesk-cn");
    }

    @Test
    void acceptsParameterNamesInAnotherCase() {
        String query = "timestamp=" + SECONDS + "&appid=" + APP_ID + "&sign=" + UdeskSigner.sign(APP_ID, SECRET, SECONDS);

        assertThat(dialect.authenticate(request(query, BODY, Map.of()), null, sources).id()).isEqualTo("udesk-cn");
    }

    @Test
    void aCredentialGivenTwiceInTheQueryIsRefusedWhicheverCopyIsGood() {
        String good = UdeskSigner.sign(APP_ID, SECRET, SECONDS);
        String base = "Timestamp=" + SECONDS + "&AppId=" + APP_ID;

        for (String query : new String[] {base + "&Sign=bad&Sign=" + good, base + "&Sign=" + good + "&sign=bad",
                base + "&AppId=" + APP_ID + "&Sign=" + good}) {
            RejectedRequestException e = reject(request(query, BODY, Map.of()));
            assertThat(e.status()).as(query).isEqualTo(401);
            assertThat(e.code()).as(query).isEqualTo("repeated_credentials");
        }
    }

    @Test
    void selectsTheSourceWhoseAppIdSigned() {
        Source other = UdeskFixtures.source("udesk-other", "11111111-2222-3333-4444-555555555555", "other-secret",
                UdeskFieldPaths.DEFAULTS);
        String query = UdeskSigner.query(other.udesk().appId(), "other-secret", SECONDS);

        Source found = dialect.authenticate(request(query, BODY, Map.of()), null, sources(source(), other));

        assertThat(found.id()).isEqualTo("udesk-other");
    }

    @Test
    void acceptsTimestampAtTheEdgeOfTheWindow() {
        String edge = String.valueOf(NOW.minusSeconds(600).getEpochSecond());

        assertThat(dialect.authenticate(signedQuery(edge), null, sources).id()).isEqualTo("udesk-cn");
    }

    @Test
    void rejectsBadSignature() {
        String query = "Timestamp=" + SECONDS + "&AppId=" + APP_ID + "&Sign=" + UdeskSigner.sign(APP_ID, "wrong", SECONDS);

        RejectedRequestException e = reject(request(query, BODY, Map.of()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("bad_signature");
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(UdeskSigner.sign(APP_ID, SECRET, SECONDS));
    }

    @Test
    void rejectsSignatureOverAnotherTimestamp() {
        String query = "Timestamp=" + SECONDS + "&AppId=" + APP_ID + "&Sign=" + UdeskSigner.sign(APP_ID, SECRET, MILLIS);

        assertThat(reject(request(query, BODY, Map.of())).code()).isEqualTo("bad_signature");
    }

    @Test
    void rejectsStaleTimestampInSeconds() {
        String stale = String.valueOf(NOW.minusSeconds(601).getEpochSecond());

        RejectedRequestException e = reject(signedQuery(stale));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("stale_timestamp");
        assertThat(e.getMessage()).contains("timestamp outside the 10-minute window");
    }

    @Test
    void rejectsStaleTimestampInMilliseconds() {
        String stale = String.valueOf(NOW.minusSeconds(3600).toEpochMilli());

        RejectedRequestException e = reject(signedQuery(stale));

        assertThat(e.getMessage()).contains("timestamp outside the 10-minute window");
    }

    @Test
    void rejectsTimestampFromTheFuture() {
        String future = String.valueOf(NOW.plusSeconds(11 * 60).toEpochMilli());

        assertThat(reject(signedQuery(future)).code()).isEqualTo("stale_timestamp");
    }

    @Test
    void rejectsNonNumericTimestamp() {
        String when = "2024-03-05T09:16:00Z";

        RejectedRequestException e = reject(signedQuery(when));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("epoch seconds or milliseconds");
    }

    @Test
    void rejectsUnknownAppId() {
        String query = UdeskSigner.query("99999999-0000-0000-0000-000000000000", SECRET, SECONDS);

        RejectedRequestException e = reject(request(query, BODY, Map.of()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("Unknown udesk AppId");
    }

    @Test
    void namesEveryMissingCredential() {
        RejectedRequestException e = reject(request(null, "{}".getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("missing_credentials");
        assertThat(e.getMessage()).contains("AppId, Timestamp, Sign");
    }

    @Test
    void theEventTimestampOfTheBodyCountsAsSigningTimestampByDefault() {
        RejectedRequestException e = reject(request(null, BODY, Map.of()));

        assertThat(e.getMessage()).isEqualTo("Missing udesk AppId, Sign (not in the query string, headers or body)");
    }

    @Test
    void malformedBodyWithoutQueryCredentialsIsUnauthorized() {
        RejectedRequestException e = reject(request(null, "{not json".getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(e.status()).isEqualTo(401);
    }

    @Test
    void namesTheMissingSign() {
        RejectedRequestException e = reject(request("Timestamp=" + SECONDS + "&AppId=" + APP_ID, BODY, Map.of()));

        assertThat(e.getMessage()).startsWith("Missing udesk Sign ");
    }

    @Test
    void rejectsSourceWithoutSecret() {
        Source noSecret = UdeskFixtures.source("udesk-cn", APP_ID, null, UdeskFieldPaths.DEFAULTS);

        RejectedRequestException e = catchThrowableOfType(
                () -> dialect.authenticate(signedQuery(SECONDS), null, sources(noSecret)),
                RejectedRequestException.class);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("not_configured");
    }

    @Test
    void honoursTheConfiguredWindow() {
        var properties = new io.switchboard.config.SwitchboardProperties("http://localhost", "CN",
                new io.switchboard.config.SwitchboardProperties.Ingress(1024, java.time.Duration.ofSeconds(90), 1, java.time.Duration.ZERO, java.time.Duration.ZERO),
                java.util.List.of(source()));
        UdeskDialect strict = new UdeskDialect(properties, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        String twoMinutesAgo = String.valueOf(NOW.minusSeconds(120).getEpochSecond());

        RejectedRequestException e = catchThrowableOfType(
                () -> strict.authenticate(signedQuery(twoMinutesAgo), null, sources),
                RejectedRequestException.class);

        assertThat(e.getMessage()).contains("outside the 90-second window");
    }

    private static InboundRequest signedQuery(String timestamp) {
        return request(UdeskSigner.query(APP_ID, SECRET, timestamp), BODY, Map.of());
    }

    private RejectedRequestException reject(InboundRequest request) {
        RejectedRequestException e = catchThrowableOfType(
                () -> dialect.authenticate(request, null, sources), RejectedRequestException.class);
        assertThat(e).as("expected a rejection").isNotNull();
        return e;
    }
}

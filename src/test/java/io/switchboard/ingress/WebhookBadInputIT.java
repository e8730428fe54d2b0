package io.switchboard.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import io.switchboard.vendor.callr.CallrSigner;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a clear 4xx JSON error, is counted, and adds nothing; replies echo no header. */
class WebhookBadInputIT extends HubIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    private static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBodyOver256KbIsRejectedWith413() {
        String huge = "{\"type\":\"sms.mo\",\"data\":{\"text\":\"" + "x".repeat(300_000) + "\"}}";
        String secret = source("callr-demo").callr().hmacSecret();

        HttpResponse<String> response = post("/webhooks/callr", "application/json", huge,
                Map.of(CallrSigner.HEADER, CallrSigner.sign(huge, secret, "SHA256")));

        assertJsonError(response, 413, "payload_too_large");
    }

    @Test
    void malformedJsonIsA400() {
        String body = "{\"type\": \"call.inbound_start\", \"data\": ";
        String secret = source("callr-demo").callr().hmacSecret();

        HttpResponse<String> response = post("/webhooks/callr", "application/json", body,
                Map.of(CallrSigner.HEADER, CallrSigner.sign(body, secret, "SHA256")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("message").asText()).containsIgnoringCase("json");
    }

    @Test
    void aMissingSignatureIsA401AndIsCounted() {
        double before = rejected("callr", "401");

        HttpResponse<String> response = post("/webhooks/callr", "application/json", "{}", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("message").asText()).contains("X-CALLR-HmacSignature");
        assertThat(rejected("callr", "401")).isEqualTo(before + 1);
    }

    @Test
    void aMalformedUrlEscapeIsA400() {
        HttpResponse<String> response = post("/webhooks/telphin/" + source("telphin-demo").token(),
                "application/x-www-form-urlencoded", "EventType=dial-in&CallID=%zz", Map.of());

        assertJsonError(response, 400, "malformed_encoding");
    }

    @Test
    void aWebhookFieldGivenTwiceWithDifferentValuesIsA400AndNothingIsStored() {
        String telphin = "/webhooks/telphin/" + source("telphin-demo").token();
        String keyyo = "/webhooks/keyyo/" + source("keyyo-demo").token();
        long inboxBefore = inboxRows();

        assertJsonError(get(telphin + "?EventType=dial-in&CallID=rep-1&CallFlow=in&callid=rep-2"), 400, "repeated_parameter");
        assertJsonError(post(telphin, "application/x-www-form-urlencoded", "EventType=dial-in&CallID=rep-3&CallID=rep-4", Map.of()),
                400, "repeated_parameter");
        HttpResponse<String> keyyoTwice = get(keyyo + "?account=33172587948&caller=33600000001&callee=33172587948"
                + "&type=SETUP&callref=rep-5&type=RELEASE");
        assertJsonError(keyyoTwice, 400, "repeated_parameter");
        assertThat(json(keyyoTwice).path("message").asText()).contains("'type'");
        assertThat(inboxRows()).isEqualTo(inboxBefore);

        HttpResponse<String> sameTwice = get(keyyo + "?account=33172587948&caller=33600000001&callee=33172587948"
                + "&type=SETUP&callref=rep-6&callref=rep-6");
        assertThat(sameTwice.statusCode()).as(sameTwice.body()).isEqualTo(200);
        assertThat(inboxRows()).isEqualTo(inboxBefore + 1);
    }

    @Test
    void repliesDoNotEchoRequestHeaders() {
        HttpResponse<String> ok = post("/webhooks/telphin/" + source("telphin-demo").token(),
                "application/x-www-form-urlencoded", fixture("telphin/message/01-message-in.query").strip(),
                Map.of("X-Secret-Probe", "s3cr3t", "X-Forwarded-For", "10.0.0.1"));
        HttpResponse<String> rejected = get("/webhooks/keyyo/wrong-token?type=SETUP&account=1");

        for (HttpResponse<String> response : java.util.List.of(ok, rejected)) {
            assertThat(response.headers().map().keySet())
                    .noneMatch(h -> h.equalsIgnoreCase("X-Secret-Probe") || h.equalsIgnoreCase("X-Forwarded-For")
                            || h.toLowerCase(java.util.Locale.ROOT).startsWith("camel") || h.equalsIgnoreCase("token"));
        }
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(rejected.body()).doesNotContain("wrong-token");
    }

    @Test
    void aFieldLongerThanTheJournalKeepsIsA400NotAnAcceptedEventThatIsLost() {
        long inboxBefore = inboxRows();
        String token = source("keyyo-demo").token();

        HttpResponse<String> longCaller = get("/webhooks/keyyo/" + token
                + "?account=33172587948&type=SETUP&callref=LIMIT-1&callee=33172587948&caller=3" + "1".repeat(64));
        HttpResponse<String> longCallref = get("/webhooks/keyyo/" + token
                + "?account=33172587948&type=SETUP&caller=33612345678&callee=33172587948&callref=" + "c".repeat(129));

        assertJsonError(longCaller, 400, "field_too_long");
        assertThat(json(longCaller).path("message").asText()).contains("from").contains("64");
        assertJsonError(longCallref, 400, "field_too_long");
        assertThat(json(longCallref).path("message").asText()).contains("vendorCallId").contains("128");
        assertThat(inboxRows()).as("nothing committed to the inbox").isEqualTo(inboxBefore);
    }

    @Test
    void aTelphinCallbackIdTooLongForTheCallKeysIsA400() {
        long inboxBefore = inboxRows();
        String path = "/webhooks/telphin/" + source("telphin-demo").token();
        String callback = fixture("telphin/callback/01-dial-out.form").strip();
        String atLimit = "cb-" + "a".repeat(113); // call_api_id: + 116 = 128
        String over = atLimit + "b";

        HttpResponse<String> refused = post(path, "application/x-www-form-urlencoded",
                callback.replace("CallAPIID=cb-3593300-4d0b8e9f7a6c4b5d", "CallAPIID=" + over)
                        .replace("a7d0c8e43b9d4e6f5c2b1a8d7e4f3c07", "a7d0c8e43b9d4e6f5c2b1a8d7e4f3c99"), Map.of());
        assertJsonError(refused, 400, "field_too_long");
        assertThat(json(refused).path("message").asText()).contains("callApiId").contains("116");
        assertThat(inboxRows()).as("nothing committed to the inbox").isEqualTo(inboxBefore);

        HttpResponse<String> accepted = post(path, "application/x-www-form-urlencoded",
                callback.replace("CallAPIID=cb-3593300-4d0b8e9f7a6c4b5d", "CallAPIID=" + atLimit)
                        .replace("a7d0c8e43b9d4e6f5c2b1a8d7e4f3c07", "a7d0c8e43b9d4e6f5c2b1a8d7e4f3c98"), Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).alias("the id at the limit is journalled")
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM call_keys WHERE vendor_key = ?", Long.class,
                        "call_api_id:" + atLimit) == 1);
    }

    @Test
    void aContentTypeLongerThanTheInboxKeepsIsA400AndNothingIsStored() {
        long inboxBefore = inboxRows();
        String body = "{\"type\":\"sms.mo\",\"data\":{\"text\":\"hi\"}}";
        String secret = source("callr-demo").callr().hmacSecret();
        String longType = "application/json; charset=utf-8; x=" + "y".repeat(230);

        HttpResponse<String> response = post("/webhooks/callr", longType, body,
                Map.of(CallrSigner.HEADER, CallrSigner.sign(body, secret, "SHA256")));

        assertJsonError(response, 400, "content_type_too_long");
        assertThat(json(response).path("message").asText()).contains("255");
        assertThat(inboxRows()).isEqualTo(inboxBefore);
    }

    @Test
    void anUnpairedSurrogateOrANulIsA400() {
        long inboxBefore = inboxRows();
        String path = "/webhooks/keyyo-cti/" + source("keyyo-demo").token();

        HttpResponse<String> surrogate = post(path, "application/json",
                "{\"notify\":\"call\",\"call\":{\"callref\":\"\\ud800\",\"caller\":\"33612345678\","
                        + "\"callee\":\"33172587948\",\"state\":\"SETUP\",\"setup_date\":1736856000}}",
                Map.of());
        HttpResponse<String> nul = post(path, "application/json",
                "{\"notify\":\"call\",\"call\":{\"callref\":\"cti-nul-1\",\"caller\":\"336123\\u000045678\","
                        + "\"callee\":\"33172587948\",\"state\":\"SETUP\",\"setup_date\":1736856000}}",
                Map.of());

        assertJsonError(surrogate, 400, "invalid_text");
        assertThat(json(surrogate).path("message").asText()).contains("vendorCallId").contains("surrogate");
        assertJsonError(nul, 400, "invalid_text");
        assertThat(inboxRows()).as("nothing committed to the inbox").isEqualTo(inboxBefore);
    }

    @Test
    void aFormFieldWithoutAnEqualsSignIsA400IsCountedAndTheTokenStaysOutOfTheAnswer() {
        String token = source("keyyo-demo").token();
        long inboxBefore = inboxRows();
        double keyyoBefore = rejected("keyyo", "400");
        double telphinBefore = rejected("telphin", "400");

        HttpResponse<String> response = post("/webhooks/keyyo/" + token, "application/x-www-form-urlencoded",
                "account=33172587948&type=SETUP&x", Map.of());
        HttpResponse<String> jsonAsForm = post("/webhooks/telphin/" + source("telphin-demo").token(),
                "application/x-www-form-urlencoded", "{\"a\":1}", Map.of());

        assertJsonError(response, 400, "malformed_body");
        assertThat(response.body()).doesNotContain(token);
        assertJsonError(jsonAsForm, 400, "malformed_body");
        assertThat(inboxRows()).isEqualTo(inboxBefore);
        assertThat(rejected("keyyo", "400")).as("counted like the routes' own refusals").isEqualTo(keyyoBefore + 1);
        assertThat(rejected("telphin", "400")).isEqualTo(telphinBefore + 1);
        assertThat(meters.find("switchboard.webhook.rejected").tag("reason", "malformed_body").counters()).isNotEmpty();
    }

    @Test
    void anApiBodyThatIsNotUtf8IsA400() {
        byte[] notUtf8 = {'{', '"', 'a', 'g', 'e', 'n', 't', '"', ':', '"', (byte) 0xff, '"', '}'};

        HttpResponse<String> response = post("/api/v1/click-to-call", "application/json", notUtf8, Map.of());

        assertJsonError(response, 400, "malformed_body");
        assertThat(json(response).path("message").asText()).contains("UTF-8");
    }

    @Test
    void aChunkedApiBodyIsHeldToTheSameLimitAndOneWithinItIsReadStrictly() {
        String huge = "{\"agent\":\"keyyo-agent\",\"number\":\"+33698765432\",\"tag\":\"" + "x".repeat(262_144) + "\"}";
        byte[] notUtf8 = {'{', '"', 'a', 'g', 'e', 'n', 't', '"', ':', '"', (byte) 0xff, '"', '}'};

        assertJsonError(postChunked("/api/v1/click-to-call", huge.getBytes(StandardCharsets.UTF_8)), 413, "payload_too_large");
        HttpResponse<String> within = postChunked("/api/v1/click-to-call",
                "{\"agent\":\"nobody\",\"number\":\"+33698765432\"}".getBytes(StandardCharsets.UTF_8));
        assertJsonError(within, 400, "unknown_agent"); // the route read the body the filter held
        assertThat(json(within).path("message").asText()).contains("nobody");
        assertJsonError(postChunked("/api/v1/click-to-call", notUtf8), 400, "malformed_body");
    }

    /** A POST without a declared length: Java's client sends a body from a stream chunked. */
    private HttpResponse<String> postChunked(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TEST_API_KEY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }

    @Test
    void anApiBodyOverTheLimitIsA413() {
        String huge = "{\"agent\":\"keyyo-agent\",\"number\":\"+33698765432\",\"tag\":\"" + "x".repeat(300_000) + "\"}";

        assertJsonError(post("/api/v1/click-to-call", "application/json", huge, Map.of()), 413, "payload_too_large");
    }

    @Test
    void queryApiErrorsAre400sNamingTheParameter() {
        assertJsonError(get("/api/v1/calls?state=FLYING"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?since=yesterday"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?limit=0"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?vendr=keyyo"), 400, "unknown_parameter");
        assertJsonError(get("/api/v1/calls?number=%00"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?limit=5&limit=6"), 400, "repeated_parameter");
        assertJsonError(get("/api/v1/deliveries?status=DEAD&status=PENDING"), 400, "repeated_parameter");
        assertJsonError(get("/api/v1/calls?number=%2B33%01"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls/does-not-exist"), 404, "call_not_found");
        assertJsonError(get("/api/v1/events?since=2026-01-02&until=2026-01-01"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?vendor=kee%00yo"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/events?callId=a%1Fb"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/calls?since=%2B300000-01-01T00:00:00Z"), 400, "invalid_parameter");
        assertJsonError(get("/api/v1/deliveries?subscription=a%00"), 400, "invalid_parameter");
        assertJsonError(post("/api/v1/deliveries/replay", "application/json",
                "{\"subscription\":\"s\",\"since\":\"+300000-01-01T00:00:00Z\"}", Map.of()), 400, "invalid_field");
        assertJsonError(post("/api/v1/deliveries/replay", "application/json",
                "{\"subscription\":\"s\\u0000\",\"callId\":\"c\"}", Map.of()), 400, "invalid_field");
        assertThat(get("/api/v1/calls?since=9999-12-31T23:59:59Z").statusCode()).isEqualTo(200);
    }

    private long inboxRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox", Long.class);
    }

    private double rejected(String vendor, String status) {
        return meters.find("switchboard.webhook.rejected").tag("vendor", vendor).tag("status", status).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}

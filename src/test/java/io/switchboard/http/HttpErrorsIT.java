package io.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.HubIntegrationTest;
import io.switchboard.call.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Every error the hub answers outside its routes is the hub's JSON {@code {"status", "error",
 * "message"}}: Spring MVC's errors through {@code /error} ({@link JsonErrorController}), what
 * Tomcat refuses before any servlet runs ({@link JsonErrorReportValve}, sent over a raw socket
 * where {@link HttpClient} cannot send the request), and multipart bodies (refused with 415).
 * No answer is HTML or empty, none carries Spring's {@code path}/{@code timestamp}, none echoes
 * the webhook token, and the log never shows the token.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpErrorsIT extends HubIntegrationTest {

    private static final String ADMIN = "sb_test_admin_key_0123456789";
    private static final String READER = "sb_test_reader_key_0123456789";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Autowired
    private ServletWebServerApplicationContext web;

    @Autowired
    private LoggingSystem logging;

    private String token;

    @BeforeEach
    void token() {
        token = source("keyyo-demo").token();
    }

    // ---------------------------------------------------------------- errors through /error

    @Test
    void unknownPathsAre404(CapturedOutput output) {
        assertError(send("GET", "/api/v1/nope", Map.of("Authorization", "Bearer " + READER)), 404, "not_found");
        assertError(send("GET", "/webhooks/nope", Map.of()), 404, "not_found");
        assertError(send("GET", "/webhooks/keyyo/" + token + "/extra", Map.of()), 404, "not_found");
        assertError(send("POST", "/webhooks/callr/" + token, Map.of("Content-Type", "application/json"), "{}"), 404, "not_found");
        assertError(send("GET", "/nothing-here", Map.of()), 404, "not_found");
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void trailingAndDoubleSlashesAre404(CapturedOutput output) {
        assertError(send("GET", "/api/v1/calls/", Map.of("Authorization", "Bearer " + READER)), 404, "not_found");
        assertError(send("GET", "/api/v1//calls", Map.of("Authorization", "Bearer " + READER)), 404, "not_found");
        assertError(send("GET", "/webhooks/keyyo/" + token + "/", Map.of()), 404, "not_found");
        assertError(send("GET", "/webhooks//keyyo/" + token, Map.of()), 404, "not_found");
        assertThat(output.getAll()).doesNotContain(token);
    }

    /** docs/vendors/keyyo.md and telphin.md: "no token in the path" is {@code 401 missing_token}. */
    @Test
    void tokenWebhookWithoutTokenIs401MissingToken() {
        assertError(send("GET", "/webhooks/keyyo/", Map.of()), 401, "missing_token");
        assertError(send("GET", "/webhooks/keyyo", Map.of()), 401, "missing_token");
        assertError(send("POST", "/webhooks/keyyo-cti/", Map.of("Content-Type", "application/json"), "{}"), 401, "missing_token");
        assertError(send("GET", "/webhooks/telphin", Map.of()), 401, "missing_token");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Reply webhook = send("PUT", "/webhooks/keyyo/" + token, Map.of("Content-Type", "text/plain"), "x");
        assertError(webhook, 405, "method_not_allowed");
        assertThat(webhook.header("allow")).contains("GET").contains("POST");

        Reply api = send("DELETE", "/api/v1/calls", Map.of("Authorization", "Bearer " + ADMIN));
        assertError(api, 405, "method_not_allowed");
        assertThat(api.header("allow")).contains("GET");
    }

    @Test
    void apiPostWithoutJsonContentTypeIs415() {
        Reply plain = send("POST", "/api/v1/click-to-call", Map.of("Authorization", "Bearer " + ADMIN, "Content-Type", "text/plain"), "{}");
        assertError(plain, 415, "unsupported_media_type");
        Reply none = send("POST", "/api/v1/click-to-call", Map.of("Authorization", "Bearer " + ADMIN), "{}");
        assertError(none, 415, "unsupported_media_type");
        for (String charset : List.of("nope", "\"bogus charset\"", "x-unknown-1")) { // a charset the JVM does not know
            Reply unknown = send("POST", "/api/v1/click-to-call",
                    Map.of("Authorization", "Bearer " + ADMIN, "Content-Type", "application/json; charset=" + charset), "{}");
            assertError(unknown, 415, "unsupported_media_type");
        }
    }

    @Test
    void apiAnswersJsonWhateverTheAcceptHeader() {
        for (String accept : List.of("application/xml", "text/plain", "image/png", "text/html")) {
            Reply calls = send("GET", "/api/v1/calls", Map.of("Authorization", "Bearer " + READER, "Accept", accept));
            assertError(calls, 406, "not_acceptable");
            assertThat(json(calls).path("message").asText()).isEqualTo("This API answers application/json");
            // the real error wins over the Accept header
            assertError(send("GET", "/api/v1/nope", Map.of("Authorization", "Bearer " + READER, "Accept", accept)), 404, "not_found");
            assertError(send("GET", "/webhooks/keyyo/" + token + "/x", Map.of("Accept", accept)), 404, "not_found");
            assertError(send("GET", "/api/v1/calls", Map.of("Accept", accept)), 401, "missing_api_key");
        }
    }

    @Test
    void openApiAndHealthNeverAnswerHtml() {
        for (String path : List.of("/api/v1/openapi.json", "/actuator/health")) {
            Reply html = send("GET", path, Map.of("Accept", "text/html"));
            assertError(html, 406, "not_acceptable");
            assertThat(html.body()).doesNotContain("<html", "Whitelabel");
            Reply ok = send("GET", path, Map.of("Accept", "application/json"));
            // Health is 503 while an indicator is DOWN (earlier tests in the shared hub stop links): JSON either way.
            assertThat(ok.status()).isIn(200, path.startsWith("/actuator") ? 503 : 200);
            assertThat(ok.body()).startsWith("{").doesNotContain("<html");
        }
    }

    @Test
    void directRequestToErrorIs404() {
        assertError(send("GET", "/error", Map.of()), 404, "not_found");
        assertError(send("POST", "/error", Map.of("Content-Type", "application/json"), "{}"), 404, "not_found");
        assertError(send("GET", "/error", Map.of("Accept", "text/html")), 404, "not_found");
    }

    @Test
    void malformedChunkedBodyIs400() {
        String request = "POST /webhooks/keyyo/" + token + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nnot a chunk\r\n0\r\n\r\n";
        assertError(raw(request), 400, "bad_request");
        String api = "POST /api/v1/click-to-call HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        Reply reply = raw(api);
        assertThat(reply.status()).isEqualTo(400);
        assertHubShape(reply, 400);
    }

    // ---------------------------------------------------------------- Tomcat's own refusals

    @Test
    void undecodablePathsAre400(CapturedOutput output) {
        for (String bad : List.of("%00", "%2F", "%FF")) {
            assertError(send("GET", "/webhooks/keyyo/" + token + bad, Map.of()), 400, "bad_request");
        }
        assertError(raw("GET /webhooks/keyyo/" + token + "%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400, "bad_request");
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void anUndecodableQueryStringIsA400OfTheHubNamingTheEncoding() {
        assertError(raw("GET /webhooks/keyyo/" + token + "?type=SETUP&callref=%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"), 400, "malformed_encoding");
        assertError(raw("GET /api/v1/calls?vendor=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + io.switchboard.HubIntegrationTest.TEST_API_KEY + "\r\nConnection: close\r\n\r\n"), 400, "malformed_query");
    }

    /**
     * Tomcat logs the first unparsable request line at INFO, request target (and token) included:
     * application.yaml keeps its Http11Processor at WARN. Root is at INFO here, as in production.
     */
    @Test
    void badRequestLinesAre400(CapturedOutput output) {
        LogLevel testLevel = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        try {
            byte[] nonAscii = ("GET /webhooks/keyyo/" + token + "é HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertError(raw(nonAscii), 400, "bad_request");
            assertError(raw("GET /webhooks/keyyo/" + token + " x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400, "bad_request");
            assertError(raw("G\u00c9T /webhooks/keyyo/" + token + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400, "bad_request");
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, testLevel);
        }
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void oversizedUrlAndHeadersAreRefused() {
        Reply longUrl = send("GET", "/webhooks/keyyo/" + token + "?pad=" + "a".repeat(9_000), Map.of());
        assertHubShape(longUrl, longUrl.status());
        assertThat(longUrl.status()).isIn(400, 414);

        Reply bigHeader = send("GET", "/webhooks/keyyo/" + token, Map.of("X-Pad", "a".repeat(9_000)));
        assertHubShape(bigHeader, bigHeader.status());
        assertThat(bigHeader.status()).isIn(400, 431);

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("X-Pad-" + i, "x");
        }
        assertError(send("GET", "/webhooks/keyyo/" + token, many), 400, "bad_request");
    }

    @Test
    void malformedHeadersAre400() {
        assertError(raw("GET /webhooks/keyyo/" + token + " HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\0b\r\nConnection: close\r\n\r\n"), 400, "bad_request");
        assertError(raw("POST /webhooks/keyyo/" + token + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\nConnection: close\r\n\r\n"), 400, "bad_request");
        assertError(raw("GET /webhooks/keyyo/" + token + " HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "bad_request");
    }

    @Test
    void unsupportedTransferEncodingIs501AndHttpVersionIs505() {
        assertError(raw("POST /webhooks/keyyo/" + token + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n"),
                501, "not_implemented");
        assertError(raw("GET /webhooks/keyyo/" + token + " HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                505, "http_version_not_supported");
    }

    /** Spring Boot's plain ErrorReportValve and StandardHost's default one are gone: only the JSON valve answers. */
    @Test
    void hostHasOnlyTheJsonErrorReportValve() {
        Tomcat tomcat = ((TomcatWebServer) web.getWebServer()).getTomcat();
        List<Valve> reportValves = Arrays.stream(tomcat.getHost().getPipeline().getValves())
                .filter(ErrorReportValve.class::isInstance)
                .toList();
        assertThat(reportValves).hasSize(1).allMatch(JsonErrorReportValve.class::isInstance);
        assertThat(((StandardHost) tomcat.getHost()).getErrorReportValveClass()).isEqualTo(JsonErrorReportValve.class.getName());
    }

    @Test
    void traceIs405Json() {
        for (String path : List.of("/webhooks/keyyo/" + token, "/api/v1/calls", "/actuator/health", "/")) {
            Reply trace = send("TRACE", path, Map.of());
            assertError(trace, 405, "method_not_allowed");
            assertThat(trace.header("allow")).doesNotContain("TRACE");
        }
    }

    // ---------------------------------------------------------------- multipart

    @Test
    void multipartIs415Everywhere(CapturedOutput output) {
        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=xyz", "multipart/mixed", "Multipart/Related")) {
            Map<String, String> multipart = Map.of("Content-Type", type);
            assertError(send("POST", "/webhooks/keyyo/" + token, multipart, "--xyz--"), 415, "unsupported_media_type");
            assertError(send("POST", "/webhooks/callr", multipart, "--xyz--"), 415, "unsupported_media_type");
            assertError(send("POST", "/webhooks/telphin/" + source("telphin-demo").token(), multipart, "--xyz--"), 415, "unsupported_media_type");
            assertError(send("GET", "/api/v1/calls", Map.of("Content-Type", type, "Authorization", "Bearer " + READER)),
                    415, "unsupported_media_type");
            assertError(send("POST", "/api/v1/click-to-call", Map.of("Content-Type", type, "Authorization", "Bearer " + ADMIN), "--xyz--"),
                    415, "unsupported_media_type");
            assertError(send("GET", "/actuator/health", multipart), 415, "unsupported_media_type");
            // the API key is still checked first
            assertError(send("GET", "/api/v1/calls", multipart), 401, "missing_api_key");
        }
        assertThat(output.getAll()).doesNotContain(token).doesNotContain("FileUpload").doesNotContain("MultipartException")
                .doesNotContain("multipart boundary");
    }


    // ---------------------------------------------------------------- helpers

    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertHubShape(reply, status);
        assertThat(json(reply).path("error").asText()).as("error of %s", reply).isEqualTo(code);
    }

    private void assertHubShape(Reply reply, int status) {
        assertThat(reply.header("content-type")).as("Content-Type of %s", reply).startsWith("application/json");
        JsonNode body = json(reply);
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("fields of %s", reply).containsExactly("status", "error", "message");
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).matches("[a-z][a-z0-9_]*");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain(token).doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("<!doctype");
    }

    private static JsonNode json(Reply reply) {
        try {
            return CanonicalJson.MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
    }

    private Reply send(String method, String path, Map<String, String> headers) {
        return send(method, path, headers, null);
    }

    private Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> h = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
            return new Reply(response.statusCode(), h, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply raw(String request) {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends these bytes on a new connection and reads the answer until Tomcat closes it. */
    private Reply raw(byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            byte[] answer = readAll(socket.getInputStream());
            return parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // Tomcat may reset the connection after its answer; keep what arrived
        }
        return all.toByteArray();
    }

    private static Reply parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer, got [%s]", text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        String body = text.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            body = unchunk(body);
        } else if (headers.containsKey("content-length")) {
            body = body.substring(0, Integer.parseInt(headers.get("content-length")));
        }
        return new Reply(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}

package io.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The valve and its installer on a bare embedded Tomcat (no application error page, so every
 * error answer is the valve's): JSON with the status kept, Tomcat's own refusals included, and
 * the application's own error bodies left alone.
 */
class JsonErrorReportValveTest {

    @TempDir
    static Path baseDir;

    private static Tomcat tomcat;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(context, "app", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                switch (request.getRequestURI()) {
                    case "/ok" -> response.getWriter().write("fine");
                    case "/send-error" -> response.sendError(404, "secret-token is not here");
                    case "/empty-status" -> response.setStatus(503);
                    case "/own-body" -> {
                        response.setStatus(409);
                        response.setContentType("application/json");
                        response.getWriter().write("{\"mine\":true}");
                    }
                    case "/throw" -> throw new IllegalStateException("boom secret-token");
                    default -> response.sendError(418);
                }
            }
        });
        context.addServletMappingDecoded("/", "app");
        // what Spring Boot does when server.error.include-stacktrace=never: a plain valve on the host
        tomcat.getHost().getPipeline().addValve(new ErrorReportValve());
        HttpErrorConfiguration.JsonErrorValveInstaller.install(tomcat.getHost());
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void installerLeavesOnlyTheJsonValveAndTomcatAddsNoDefaultOne() {
        List<Valve> reportValves = Arrays.stream(tomcat.getHost().getPipeline().getValves())
                .filter(ErrorReportValve.class::isInstance)
                .toList();
        assertThat(reportValves).hasSize(1).allMatch(JsonErrorReportValve.class::isInstance);
        assertThat(((StandardHost) tomcat.getHost()).getErrorReportValveClass()).isEqualTo(JsonErrorReportValve.class.getName());

        HttpErrorConfiguration.JsonErrorValveInstaller.install(tomcat.getHost()); // idempotent
        assertThat(Arrays.stream(tomcat.getHost().getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)).hasSize(1);
    }

    @Test
    void sendErrorIsJsonWithoutTomcatsMessage() {
        String answer = get("/send-error");
        assertThat(answer).startsWith("HTTP/1.1 404 ").containsIgnoringCase("Content-Type: application/json")
                .endsWith("{\"status\":404,\"error\":\"not_found\",\"message\":\"" + HttpErrors.forStatus(404).message() + "\"}")
                .doesNotContain("secret-token");
    }

    @Test
    void anyStatusSentAsAnErrorGetsItsCode() {
        assertThat(get("/teapot")).startsWith("HTTP/1.1 418 ").contains("\"error\":\"i_am_a_teapot\"");
    }

    @Test
    void anExceptionIsA500WithoutDetails() {
        String answer = get("/throw");
        assertThat(answer).startsWith("HTTP/1.1 500 ").endsWith("{\"status\":500,\"error\":\"internal_error\",\"message\":\"Unexpected error\"}")
                .doesNotContain("secret-token").doesNotContain("IllegalStateException");
    }

    @Test
    void theApplicationsOwnAnswersAreLeftAlone() {
        assertThat(get("/ok")).startsWith("HTTP/1.1 200 ").endsWith("fine");
        assertThat(get("/own-body")).startsWith("HTTP/1.1 409 ").endsWith("{\"mine\":true}");
        // like Tomcat's own valve, only sendError and exceptions are reported: a bare status stays as it is
        assertThat(get("/empty-status")).startsWith("HTTP/1.1 503 ").contains("Content-Length: 0");
    }

    @Test
    void tomcatsOwnRefusalsAreJson() {
        assertThat(raw("GET /secret-token%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ").contains("\"error\":\"bad_request\"").doesNotContain("secret-token");
        assertThat(raw("GET /ok HTTP/1.1\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400 ").contains("\"error\":\"bad_request\"");
        assertThat(raw("GET /ok HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 505 ")
                .contains("\"error\":\"http_version_not_supported\"");
    }

    @Test
    void traceIs405JsonWithTomcatsAllow() {
        String answer = raw("TRACE /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 405 ").containsIgnoringCase("Content-Type: application/json").contains("Allow: ")
                .contains("\"error\":\"method_not_allowed\"").doesNotContain("TRACE /ok");
    }

    private static String get(String path) {
        return raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    /** The whole answer (chunked bodies are not used: the valve's answers are small and closed). */
    private static String raw(String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // keep what arrived
            }
            return all.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

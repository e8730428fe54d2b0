package io.switchboard.vendor.keyyo.api;

import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Keyyo web API a line can be driven with: {@code makecall.html} (click-to-call),
 * {@code sendsms.html} and {@code setprofil.html}. Every request is a GET authenticated with HTTP
 * Digest using the line's SIP login and password; Keyyo answers the body {@code OK} on success.
 *
 * <p>Each method sends exactly one request (after the Digest challenge) and never retries: Keyyo
 * accepts one call per second per line, so click-to-call should go through {@link KeyyoCallQueue},
 * which paces requests and retries {@code 500 Come Back Later}. Failures are
 * {@link VendorApiException}s with vendor {@code keyyo} and the operation ({@code makecall},
 * {@code sendsms}, {@code setprofil}); {@link #isComeBackLater} recognises the rate limit.
 *
 * <p>Thread-safe; close it to release its connections.
 */
public class KeyyoApiClient implements AutoCloseable {

    public static final String VENDOR = "keyyo";

    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_SHOWN = 200;

    private final KeyyoApiSettings settings;
    private final URI baseUrl;
    private final CloseableHttpClient http;

    public KeyyoApiClient(KeyyoApiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.baseUrl = settings.baseUrl();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                                .build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(20)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        // Digest only: never send the SIP password in clear (Basic) to whoever challenges.
                        .setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST))
                        .build())
                // makecall is a GET but not idempotent: a resend could ring the line twice.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("Switchboard")
                .build();
    }

    /**
     * Starts a click-to-call: Keyyo rings {@code line}, then dials the callee. Sends one request;
     * use {@link KeyyoCallQueue} to respect the one-call-per-second limit.
     *
     * @throws VendorApiException when Keyyo does not answer {@code OK}
     */
    public void makeCall(KeyyoLine line, KeyyoCall call) {
        Objects.requireNonNull(call, "call");
        URIBuilder uri = uri("makecall.html", line).addParameter("CALLEE", call.callee());
        addIfPresent(uri, "CALLEE_NAME", call.calleeName());
        addIfPresent(uri, "CALLER", call.caller());
        if (call.record()) {
            uri.addParameter("RECORD", "1");
        }
        send("makecall", line, uri);
    }

    /**
     * Sends an SMS from {@code line} to {@code callee}.
     *
     * @throws VendorApiException when Keyyo does not answer {@code OK}
     */
    public void sendSms(KeyyoLine line, String callee, String message) {
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(message, "message");
        send("sendsms", line, uri("sendsms.html", line).addParameter("CALLEE", callee).addParameter("MSG", message));
    }

    /**
     * Switches {@code line} to the routing profile {@code profile} (as named in the Keyyo Manager).
     *
     * @throws VendorApiException when Keyyo does not answer {@code OK}
     */
    public void setProfile(KeyyoLine line, String profile) {
        Objects.requireNonNull(profile, "profile");
        send("setprofil", line, uri("setprofil.html", line).addParameter("PROFIL", profile));
    }

    /**
     * True for Keyyo's rate-limit answer {@code 500 Come Back Later} (kind
     * {@link Kind#RATE_LIMITED}, HTTP 500): Keyyo did not place the call, sending it again later is safe.
     */
    public static boolean isComeBackLater(Throwable failure) {
        return failure instanceof VendorApiException e && VENDOR.equals(e.vendor())
                && e.kind() == Kind.RATE_LIMITED && e.httpStatus() == 500;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    private URIBuilder uri(String page, KeyyoLine line) {
        Objects.requireNonNull(line, "line");
        return new URIBuilder(baseUrl, StandardCharsets.UTF_8).appendPath(page).addParameter("ACCOUNT", line.account());
    }

    private static void addIfPresent(URIBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.addParameter(name, value);
        }
    }

    private void send(String operation, KeyyoLine line, URIBuilder uri) {
        HttpGet request;
        try {
            request = new HttpGet(uri.build());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build the Keyyo " + operation + " URL: " + e.getReason(), e);
        }
        try {
            KeyyoAnswer answer = http.execute(request, digestContext(line), KeyyoApiClient::read);
            check(operation, line, answer);
        } catch (ConnectTimeoutException e) {
            throw failure(operation, Kind.TIMEOUT)
                    .detail(lineDetail(line, "connect timeout " + settings.connectTimeout().toMillis() + " ms"))
                    .cause(e).build();
        } catch (SocketTimeoutException e) {
            throw failure(operation, Kind.TIMEOUT)
                    .detail(lineDetail(line, "response timeout " + settings.responseTimeout().toMillis() + " ms"))
                    .cause(e).build();
        } catch (InterruptedIOException e) { // other timeouts (connection request …)
            throw failure(operation, Kind.TIMEOUT).detail(lineDetail(line, e.getClass().getSimpleName()))
                    .cause(e).build();
        } catch (IOException e) { // connection refused, DNS, TLS, reset
            throw failure(operation, Kind.UNREACHABLE).detail(lineDetail(line, e.getClass().getSimpleName()))
                    .cause(e).build();
        }
    }

    /** A fresh context per request: the credentials of this line only, no state shared between lines. */
    private static HttpClientContext digestContext(KeyyoLine line) {
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(new AuthScope(null, -1),
                new UsernamePasswordCredentials(line.sipLogin(), line.sipPassword().toCharArray()));
        HttpClientContext context = HttpClientContext.create();
        context.setCredentialsProvider(credentials);
        return context;
    }

    private static KeyyoAnswer read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        String body;
        try {
            body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8, MAX_BODY);
        } catch (ParseException e) {
            body = "";
        }
        return new KeyyoAnswer(response.getCode(), response.getReasonPhrase(), body);
    }

    private static void check(String operation, KeyyoLine line, KeyyoAnswer answer) {
        int status = answer.status();
        String body = answer.body().trim();
        if (status / 100 == 2 && body.equalsIgnoreCase("OK")) {
            return;
        }
        String shown = shown(body.isEmpty() ? answer.reason() : body);
        if (answer.isComeBackLater()) {
            throw failure(operation, Kind.RATE_LIMITED).httpStatus(status).vendorMessage(shown)
                    .detail(lineDetail(line, "Keyyo accepts one call per second per line")).build();
        }
        if (status / 100 == 2) {
            throw failure(operation, Kind.MALFORMED_RESPONSE).httpStatus(status).vendorMessage(shown)
                    .detail(lineDetail(line, "Keyyo answered this instead of OK")).build();
        }
        Kind kind = VendorHttp.kindOf(status); // 401/403 authentication, 429 rate limited, 502-504 unavailable …
        String what = kind == Kind.AUTHENTICATION ? "Keyyo refused the line's SIP login/password (HTTP Digest)" : null;
        throw failure(operation, kind).httpStatus(status).vendorMessage(shown).detail(lineDetail(line, what)).build();
    }

    private static VendorApiException.Builder failure(String operation, Kind kind) {
        return VendorApiException.of(VENDOR, operation, kind);
    }

    /** The line (never its password) and what happened. */
    private static String lineDetail(KeyyoLine line, String what) {
        return "line " + line.account() + (what == null ? "" : ": " + what);
    }

    /** First characters of a vendor text on one line, or null when empty. */
    private static String shown(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_SHOWN ? flat : flat.substring(0, MAX_SHOWN) + "…";
    }

    private record KeyyoAnswer(int status, String reason, String body) {

        /** {@code 500 Come Back Later}: the words may be the reason phrase or the body. */
        boolean isComeBackLater() {
            return status == 500 && (mentionsComeBackLater(reason) || mentionsComeBackLater(body));
        }

        private static boolean mentionsComeBackLater(String text) {
            return text != null && text.toLowerCase(Locale.ROOT).contains("come back later");
        }
    }
}

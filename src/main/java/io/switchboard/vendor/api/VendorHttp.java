package io.switchboard.vendor.api;

import io.switchboard.vendor.api.VendorApiException.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport shared by the vendor API clients (Apache HttpClient 5, pooled connections).
 *
 * <p>Applies the connect and read timeouts, sends each request exactly once (no automatic retries:
 * starting a call is not idempotent, the caller decides from {@link VendorApiException#retryable()}),
 * reads the whole answer, and turns transport failures into {@link VendorApiException}s. Logs the
 * operation and status only, never headers or bodies (they hold credentials and tokens).
 */
public final class VendorHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VendorHttp.class);
    private static final int MAX_BODY_CHARS = 1024 * 1024;

    private final String vendor;
    private final VendorHttpSettings settings;
    private final Clock clock;
    private final CloseableHttpClient client;

    public VendorHttp(String vendor, VendorHttpSettings settings, Clock clock) {
        this(vendor, settings, clock, 0);
    }

    /**
     * As {@link #VendorHttp(String, VendorHttpSettings, Clock)} with a connection pool of
     * {@code maxConnectionsPerRoute} connections per host (0: HttpClient's default of 5), for clients
     * called by many threads at once (CRM sinks with a concurrent call-event source).
     */
    public VendorHttp(String vendor, VendorHttpSettings settings, Clock clock, int maxConnectionsPerRoute) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build());
        if (maxConnectionsPerRoute > 0) {
            pool.setMaxConnPerRoute(maxConnectionsPerRoute).setMaxConnTotal(Math.max(25, maxConnectionsPerRoute));
        }
        this.client = HttpClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Switchboard")
                .build();
    }

    public String vendor() {
        return vendor;
    }

    /**
     * Sends {@code request} and reads the answer, whatever its status.
     *
     * @param operation names the call in errors and logs (a JSON-RPC method or {@code METHOD /path})
     * @throws VendorApiException {@code TIMEOUT} or {@code UNREACHABLE} when no answer arrived
     */
    public VendorHttpResponse send(ClassicHttpRequest request, String operation) {
        try {
            VendorHttpResponse response = client.execute(request, this::read);
            LOG.debug("{} {} -> HTTP {}", vendor, operation, response.status());
            return response;
        } catch (ConnectTimeoutException e) {
            throw failure(operation, Kind.TIMEOUT, "connect timeout " + settings.connectTimeout().toMillis() + " ms", e);
        } catch (SocketTimeoutException e) {
            throw failure(operation, Kind.TIMEOUT, "read timeout " + settings.readTimeout().toMillis() + " ms", e);
        } catch (ConnectionRequestTimeoutException e) {
            throw failure(operation, Kind.TIMEOUT, "no free connection within " + settings.connectTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw failure(operation, Kind.UNREACHABLE, e.getClass().getSimpleName(), e);
        }
    }

    /**
     * An exception for a non-2xx answer, classified by status: 401/403 authentication, 429 rate
     * limited, 502/503/504 unavailable, other 5xx vendor error, other 4xx rejected; carries
     * {@code Retry-After}. The caller adds the vendor's code and message it read from the body.
     */
    public VendorApiException.Builder statusFailure(String operation, VendorHttpResponse response) {
        return VendorApiException.of(vendor, operation, kindOf(response.status()))
                .httpStatus(response.status())
                .retryAfter(response.retryAfter().orElse(null));
    }

    /** The failure kind of a non-2xx HTTP status. */
    public static Kind kindOf(int status) {
        return switch (status) {
            case 401, 403 -> Kind.AUTHENTICATION;
            case 429 -> Kind.RATE_LIMITED;
            case 502, 503, 504 -> Kind.UNAVAILABLE;
            default -> status >= 500 ? Kind.VENDOR_ERROR : Kind.REJECTED;
        };
    }

    private VendorHttpResponse read(ClassicHttpResponse response) throws IOException {
        String body;
        try {
            body = response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8, MAX_BODY_CHARS);
        } catch (ParseException e) {
            throw new IOException("unreadable response entity", e);
        }
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return new VendorHttpResponse(
                response.getCode(),
                body,
                RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), clock));
    }

    private VendorApiException failure(String operation, Kind kind, String detail, IOException cause) {
        LOG.debug("{} {} -> {} ({})", vendor, operation, kind, detail);
        return VendorApiException.of(vendor, operation, kind).detail(detail).cause(cause).build();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("{} HTTP client did not close cleanly", vendor, e);
        }
    }
}

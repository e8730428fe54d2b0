package io.switchboard.feed;

import io.switchboard.vendor.api.RetryAfter;
import io.switchboard.vendor.api.VendorApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Why a delivery attempt failed, read from the exception the route ended with: whether trying
 * again can help and how long the remote asked to wait.
 *
 * <ul>
 *   <li>a {@link VendorApiException} anywhere in the cause chain decides by its
 *       {@link VendorApiException#retryable()} and {@link VendorApiException#retryAfter()} (the CRM
 *       connectors throw these);
 *   <li>a camel-http {@link HttpOperationFailedException}: 408, 425, 429 and 5xx are retryable,
 *       other 4xx are not; its {@code Retry-After} response header is honoured;
 *   <li>anything else is retryable (a bug in a route may be fixed and the hub restarted).
 * </ul>
 * A route may also set the header {@link FeedHeaders#RETRY_AFTER} (seconds or an HTTP date)
 * before failing; it is honoured when the exception carries no wait of its own.
 *
 * @param retryable   whether another attempt may succeed
 * @param retryAfter  the minimum wait before the next attempt the remote asked for
 * @param description one line for {@code last_error}: no secrets (exception messages of the hub's
 *                    clients never hold credentials; URLs lose their query string)
 */
public record DeliveryFailure(boolean retryable, Optional<Duration> retryAfter, String description) {

    private static final int MAX_BODY = 200;

    /** Reads {@code failure}; {@code retryAfterHeader} is the route's {@link FeedHeaders#RETRY_AFTER}, may be null. */
    public static DeliveryFailure of(Throwable failure, Object retryAfterHeader, Clock clock) {
        Optional<Duration> signalled = header(retryAfterHeader, clock);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VendorApiException vendor) {
                return new DeliveryFailure(
                        vendor.retryable(), vendor.retryAfter().or(() -> signalled), vendor.getMessage());
            }
            if (t instanceof HttpOperationFailedException http) {
                return ofHttp(http, signalled, clock);
            }
        }
        return new DeliveryFailure(true, signalled, String.valueOf(failure));
    }

    /**
     * True when {@code failure} is a remote system's expected answer (a {@link VendorApiException} or a
     * camel-http status error): its message says everything, a stack trace would add nothing.
     */
    public static boolean isRemote(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VendorApiException || t instanceof HttpOperationFailedException) {
                return true;
            }
        }
        return false;
    }

    private static DeliveryFailure ofHttp(HttpOperationFailedException http, Optional<Duration> signalled, Clock clock) {
        int status = http.getStatusCode();
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        Optional<Duration> wait = RetryAfter.parse(header(http.getResponseHeaders(), "Retry-After"), clock)
                .or(() -> signalled);
        String body = http.getResponseBody() == null ? "" : http.getResponseBody().strip().replaceAll("\\s+", " ");
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY) + "…";
        }
        String text = "HTTP " + status + " from " + withoutQuery(http.getUri()) + (body.isEmpty() ? "" : ": " + body);
        return new DeliveryFailure(retryable, wait, text);
    }

    private static Optional<Duration> header(Object value, Clock clock) {
        if (value instanceof Duration d) {
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        }
        if (value instanceof Number n) {
            return Optional.of(Duration.ofSeconds(Math.max(0, n.longValue())));
        }
        return value == null ? Optional.empty() : RetryAfter.parse(value.toString(), clock);
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** URLs may carry credentials in their query string (api_token=…): never store it. */
    static String withoutQuery(String uri) {
        if (uri == null) {
            return "?";
        }
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}

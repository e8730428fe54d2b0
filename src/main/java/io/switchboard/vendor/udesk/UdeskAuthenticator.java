package io.switchboard.vendor.udesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.config.Source;
import io.switchboard.config.Source.UdeskFields;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a udesk callback: {@code AppId}, {@code Timestamp} and {@code Sign} are read from the query
 * string, then the request headers, then the JSON body (configured pointers); the AppId selects
 * the source, the Sign must be {@code SHA1(AppId + Secret + Timestamp)} and the Timestamp (seconds
 * or milliseconds) must lie within the signature window of the hub's clock.
 */
final class UdeskAuthenticator {

    static final String APP_ID = "AppId";
    static final String TIMESTAMP = "Timestamp";
    static final String SIGN = "Sign";

    private final Clock clock;
    private final Duration window;

    UdeskAuthenticator(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    Source authenticate(InboundRequest request, List<Source> udeskSources) {
        refuseRepeated(request.queryString());
        Credentials credentials = new Credentials(request);
        String appId = credentials.outsideBody(APP_ID);
        Optional<Source> source = appId == null ? Optional.empty() : byAppId(udeskSources, appId);
        if (appId == null) {
            source = credentials.sourceSignedInBody(udeskSources);
            appId = source.map(s -> s.udesk().appId())
                    .orElseGet(() -> credentials.fromBody(UdeskFields::appId, udeskSources));
        }
        List<Source> scope = source.map(List::of).orElse(udeskSources);
        String timestamp = credentials.find(TIMESTAMP, UdeskFields::signTimestamp, scope);
        String sign = credentials.find(SIGN, UdeskFields::sign, scope);
        requirePresent(appId, timestamp, sign);
        Source found = source.orElseThrow(
                () -> RejectedRequestException.unauthorized("unknown_app_id", "Unknown udesk AppId"));
        verifySign(found, appId, timestamp, sign);
        verifyWindow(timestamp);
        return found;
    }

    /**
     * {@code Sign=a&…&Sign=b}: one value would be checked and the other ignored, so which one the
     * sender meant is not ours to pick. Names match as {@link Credentials} reads them (any case).
     */
    static void refuseRepeated(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            boolean credential = name.equals("appid") || name.equals("timestamp") || name.equals("sign");
            if (credential && !seen.add(name)) {
                throw RejectedRequestException.unauthorized("repeated_credentials",
                        "The udesk " + name + " parameter is given more than once in the query string");
            }
        }
    }

    private static Optional<Source> byAppId(List<Source> sources, String appId) {
        return sources.stream()
                .filter(s -> s.udesk() != null && appId.equals(s.udesk().appId()))
                .findFirst();
    }

    private static void requirePresent(String appId, String timestamp, String sign) {
        List<String> missing = new ArrayList<>();
        if (appId == null) {
            missing.add(APP_ID);
        }
        if (timestamp == null) {
            missing.add(TIMESTAMP);
        }
        if (sign == null) {
            missing.add(SIGN);
        }
        if (!missing.isEmpty()) {
            throw RejectedRequestException.unauthorized("missing_credentials",
                    "Missing udesk " + String.join(", ", missing) + " (not in the query string, headers or body)");
        }
    }

    private static void verifySign(Source source, String appId, String timestamp, String sign) {
        String secret = source.udesk().secret();
        if (secret == null || secret.isEmpty()) {
            throw RejectedRequestException.unauthorized("not_configured",
                    "udesk source " + source.id() + " has no secret configured");
        }
        if (!UdeskSignature.matches(appId, secret, timestamp, sign)) {
            throw RejectedRequestException.unauthorized("bad_signature", "udesk Sign does not match");
        }
    }

    private void verifyWindow(String timestamp) {
        if (!UdeskTime.isEpoch(timestamp)) {
            throw RejectedRequestException.unauthorized("bad_timestamp",
                    "udesk Timestamp must be epoch seconds or milliseconds");
        }
        Instant signedAt = UdeskTime.fromEpoch(Long.parseLong(timestamp));
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(window) > 0) {
            throw RejectedRequestException.unauthorized("stale_timestamp",
                    "udesk timestamp outside the " + describe(window) + " window");
        }
    }

    static String describe(Duration window) {
        if (window.toSeconds() % 60 == 0) {
            return window.toMinutes() + "-minute";
        }
        return window.toSeconds() + "-second";
    }

    /** Looks a credential up in the query string, the headers, then the body. */
    private static final class Credentials {
        private final InboundRequest request;
        private final Map<String, String> params;
        private JsonNode body;
        private boolean bodyRead;

        Credentials(InboundRequest request) {
            this.request = request;
            this.params = request.params();
        }

        String find(String name, Function<UdeskFields, String> pointer, List<Source> scope) {
            String value = outsideBody(name);
            return value != null ? value : fromBody(pointer, scope);
        }

        String outsideBody(String name) {
            String value = param(name);
            return value != null ? value : blankToNull(request.header(name));
        }

        /** The source whose own AppId pointer finds its own AppId in the body. */
        Optional<Source> sourceSignedInBody(List<Source> sources) {
            JsonNode json = body();
            return sources.stream()
                    .filter(s -> s.udesk() != null && s.udesk().appId() != null)
                    .filter(s -> s.udesk().appId().equals(
                            UdeskJson.text(json, UdeskFieldPaths.of(s).appId())))
                    .findFirst();
        }

        private String param(String name) {
            String exact = blankToNull(params.get(name));
            if (exact != null) {
                return exact;
            }
            return params.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> blankToNull(e.getValue()))
                    .filter(v -> v != null)
                    .findFirst()
                    .orElse(null);
        }

        String fromBody(Function<UdeskFields, String> pointer, List<Source> scope) {
            List<UdeskFields> configs = scope.isEmpty()
                    ? List.of(UdeskFieldPaths.DEFAULTS)
                    : scope.stream().map(UdeskFieldPaths::of).toList();
            JsonNode json = body();
            return configs.stream()
                    .map(fields -> UdeskJson.text(json, pointer.apply(fields)))
                    .filter(v -> v != null)
                    .findFirst()
                    .orElse(null);
        }

        private JsonNode body() {
            if (!bodyRead) {
                body = UdeskJson.tryParse(request.body());
                bodyRead = true;
            }
            return body;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}

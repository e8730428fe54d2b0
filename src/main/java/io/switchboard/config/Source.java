package io.switchboard.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One vendor account the hub accepts events from.
 *
 * @param id stable name of the source (shown on every call and in logs)
 * @param vendor keyyo, callr, telphin or udesk
 * @param token secret path segment for vendors that authenticate by URL (Keyyo, Telphin)
 * @param defaultRegion ISO 3166 region used to read national numbers; by default FR for Keyyo and
 *     CALLR, RU for Telphin, CN for udesk
 * @param lines the subscriber's own numbers/extensions on this source (used for direction and
 *     filters; optional)
 * @param extensionPattern regular expression a short number must match to stay an extension
 * @param keyyo Keyyo options
 * @param callr CALLR options
 * @param udesk udesk options
 * @param api the vendor's API: credentials, callers that may place click-to-call calls, webhook
 *     registration (docs/api/click-to-call.md)
 */
public record Source(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and dashes") String id,
        @NotBlank @Pattern(regexp = "keyyo|callr|telphin|udesk") String vendor,
        String token,
        String defaultRegion,
        List<String> lines,
        @DefaultValue("[0-9*#]{1,6}") String extensionPattern,
        @DefaultValue KeyyoOptions keyyo,
        @DefaultValue CallrOptions callr,
        @DefaultValue UdeskOptions udesk,
        @Valid @DefaultValue ApiOptions api) {

    public static final Set<String> VENDORS = Set.of("keyyo", "callr", "telphin", "udesk");

    /** A source without API settings (the form every source had before click-to-call). */
    public Source(String id, String vendor, String token, String defaultRegion, List<String> lines,
            String extensionPattern, KeyyoOptions keyyo, CallrOptions callr, UdeskOptions udesk) {
        this(id, vendor, token, defaultRegion, lines, extensionPattern, keyyo, callr, udesk, null);
    }

    @ConstructorBinding
    public Source {
        api = api == null ? ApiOptions.NONE : api;
        lines = lines == null ? List.of() : List.copyOf(lines);
        if (defaultRegion == null || defaultRegion.isBlank()) {
            defaultRegion = defaultRegionOf(vendor);
        }
    }

    /** The region a vendor's national numbers usually belong to, when the source does not say. */
    static String defaultRegionOf(String vendor) {
        if (vendor == null) {
            return "FR";
        }
        return switch (vendor) {
            case "telphin" -> "RU";
            case "udesk" -> "CN";
            default -> "FR";
        };
    }

    /**
     * Which query parameter carries which Keyyo keyword: integrators write the notification URL
     * template themselves, so every name is configurable. A keyword whose parameter is absent from
     * a request is simply unknown.
     */
    public record KeyyoOptions(
            @DefaultValue("account") String account,
            @DefaultValue("caller") String caller,
            @DefaultValue("callee") String callee,
            @DefaultValue("type") String type,
            @DefaultValue("callref") String callref,
            @DefaultValue("version") String version,
            @DefaultValue("dref") String dref,
            @DefaultValue("drefreplace") String drefReplace,
            @DefaultValue("sessionid") String sessionId,
            @DefaultValue("isacd") String isAcd,
            @DefaultValue("redirectingnumber") String redirectingNumber,
            @DefaultValue("tsms") String tsms) {}

    /**
     * @param hmacSecret secret of the webhook subscription ({@code hmac_secret})
     * @param hmacAlgorithm MD5, SHA1, SHA256 or SHA512, as set on the subscription
     */
    public record CallrOptions(String hmacSecret, @DefaultValue("SHA256") String hmacAlgorithm) {}

    /**
     * udesk does not publish its callback bodies: every field is read through a JSON pointer that
     * can be changed here without Java.
     *
     * @param appId AppId of the udesk application
     * @param secret Secret returned when the application was created (signs callbacks)
     * @param fields JSON pointers into the callback body
     */
    public record UdeskOptions(String appId, String secret, @DefaultValue UdeskFields fields) {}

    /** JSON pointers (RFC 6901) into a udesk callback body. */
    public record UdeskFields(
            @DefaultValue("/Event") String event,
            @DefaultValue("/CallId") String callId,
            @DefaultValue("/Timestamp") String timestamp,
            @DefaultValue("/CallDirection") String direction,
            @DefaultValue("/CallerNumber") String caller,
            @DefaultValue("/DestNumber") String called,
            @DefaultValue("/SpNumber") String spNumber,
            @DefaultValue("/AgentId") String agentId,
            @DefaultValue("/HangupBy") String hangupBy,
            @DefaultValue("/RecordUrl") String recordingUrl,
            @DefaultValue("/UserData") String userData,
            @DefaultValue("/AppId") String appId,
            @DefaultValue("/Sign") String sign,
            @DefaultValue("/Timestamp") String signTimestamp) {}

    /**
     * The vendor's API as the hub calls it (click-to-call, webhook registration). Secrets come from
     * environment variables and are never logged; {@code toString()} masks them.
     *
     * @param baseUrl API root, when not the vendor's public one (tests point it at WireMock)
     * @param connectTimeout TCP/TLS connect timeout
     * @param readTimeout longest wait for the vendor's answer
     * @param login CALLR login (Basic auth), with {@code password}
     * @param password CALLR password
     * @param apiKey CALLR API key (instead of login/password)
     * @param loginAs CALLR {@code CALLR-Login-As} sub-account, optional
     * @param appName CALLR click-to-call app name (created once, then remembered)
     * @param agentTimeout CALLR: seconds the caller's phone rings (5-300)
     * @param customerTimeout CALLR: seconds the called number rings (5-300)
     * @param clientId Telphin OAuth2 client id
     * @param clientSecret Telphin OAuth2 client secret
     * @param sid udesk account id ({@code Sid}); the AppId is {@code udesk.app-id}
     * @param authToken udesk AuthToken (signs requests)
     * @param timestampInSeconds udesk: send {@code Timestamp} in seconds, not milliseconds
     * @param registerWebhooksAtStart register the hub's webhook URL with the vendor on start
     * @param callers who may place calls through this source: a line or an agent
     */
    public record ApiOptions(
            String baseUrl,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout,
            String login,
            String password,
            String apiKey,
            String loginAs,
            @DefaultValue("switchboard-click-to-call") String appName,
            @DefaultValue("30") @Min(5) @Max(300) int agentTimeout,
            @DefaultValue("40") @Min(5) @Max(300) int customerTimeout,
            String clientId,
            String clientSecret,
            String sid,
            String authToken,
            @DefaultValue("false") boolean timestampInSeconds,
            @DefaultValue("false") boolean registerWebhooksAtStart,
            List<Caller> callers) {

        public static final ApiOptions NONE = new ApiOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(15), null,
                null, null, null, "switchboard-click-to-call", 30, 40, null, null, null, null, false, false, List.of());

        public ApiOptions {
            callers = callers == null ? List.of() : List.copyOf(callers);
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        }

        @Override
        public String toString() {
            return "ApiOptions[baseUrl=" + baseUrl + ", login=" + login + ", clientId=" + clientId + ", sid=" + sid
                    + ", callers=" + callers + ", secrets masked]";
        }
    }

    /**
     * One line or agent that may place calls (click-to-call). A request names it by {@code line}
     * or {@code agent}.
     *
     * @param line the calling line as the vendor writes it: Keyyo account ({@code 33123456789}),
     *     CALLR agent phone (E.164), Telphin extension ({@code 000*099}), udesk agent number
     * @param agent agent name a request may use instead of the line, optional
     * @param sipLogin Keyyo: the line's SIP login (HTTP Digest user)
     * @param sipPassword Keyyo: the line's SIP password
     * @param extensionId Telphin: the extension id ({@code 175}) the callback is made for
     * @param agentId udesk: {@code agent_id} placing the call
     * @param trunkNumber udesk: {@code caller}, the trunk number bound to the agent
     * @param callerId number shown to the called party (CALLR cli, udesk called_display, Telphin
     *     caller_id_number, Keyyo CALLER), optional except for udesk
     */
    public record Caller(
            String line,
            String agent,
            String sipLogin,
            String sipPassword,
            String extensionId,
            String agentId,
            String trunkNumber,
            String callerId) {

        @Override
        public String toString() {
            return "Caller[line=" + line + ", agent=" + agent + "]";
        }
    }
}

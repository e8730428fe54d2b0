package io.switchboard.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
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
        @DefaultValue UdeskOptions udesk) {

    public static final Set<String> VENDORS = Set.of("keyyo", "callr", "telphin", "udesk");

    public Source {
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
}

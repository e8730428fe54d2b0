package io.switchboard.vendor.callr;

import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CALLR webhook signatures: {@code X-CALLR-HmacSignature = base64(HMAC-<algo>(hmac_secret, raw body))}
 * with the algorithm chosen on the subscription (MD5, SHA1, SHA256, SHA512).
 */
final class CallrSignature {

    static final String HEADER = "X-CALLR-HmacSignature";

    private static final Map<String, String> MAC_ALGORITHMS = Map.of(
            "MD5", "HmacMD5",
            "SHA1", "HmacSHA1",
            "SHA256", "HmacSHA256",
            "SHA512", "HmacSHA512");

    private CallrSignature() {}

    /** The configured CALLR source whose secret signed this request. */
    static Source authenticate(InboundRequest request, List<Source> callrSources) {
        if (callrSources.isEmpty()) {
            throw RejectedRequestException.notFound("unknown_source", "No callr source is configured on this hub");
        }
        String header = request.header(HEADER);
        if (header == null || header.isBlank()) {
            throw RejectedRequestException.unauthorized("missing_signature", "missing " + HEADER);
        }
        Optional<byte[]> given = decode(header);
        List<Source> usable = callrSources.stream().filter(CallrSignature::canVerify).toList();
        if (usable.isEmpty()) {
            throw RejectedRequestException.unauthorized(
                    "unusable_source", "No callr source has an hmac secret and a known hmac algorithm configured");
        }
        return given.flatMap(signature -> usable.stream()
                        .filter(source -> matches(source, request.body(), signature))
                        .findFirst())
                .orElseThrow(() -> RejectedRequestException.unauthorized("bad_signature", "signature does not match"));
    }

    /**
     * The JCA name for a CALLR {@code hmac_algo} (case-insensitive; "SHA-256" and "HmacSHA256" are
     * read as SHA256; null means the CALLR default SHA256), or null when it is not one of the four.
     */
    static String macAlgorithm(String callrAlgorithm) {
        if (callrAlgorithm == null || callrAlgorithm.isBlank()) {
            return MAC_ALGORITHMS.get("SHA256");
        }
        String key = callrAlgorithm.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "").trim();
        return MAC_ALGORITHMS.get(key.startsWith("HMAC") ? key.substring(4) : key);
    }

    /** A source without a secret (or with an unknown algorithm) never accepts anything. */
    private static boolean canVerify(Source source) {
        Source.CallrOptions options = source.callr();
        return options != null
                && options.hmacSecret() != null
                && !options.hmacSecret().isEmpty()
                && macAlgorithm(options.hmacAlgorithm()) != null;
    }

    private static boolean matches(Source source, byte[] body, byte[] signature) {
        Source.CallrOptions options = source.callr();
        byte[] expected = mac(body, options.hmacSecret(), macAlgorithm(options.hmacAlgorithm()));
        return MessageDigest.isEqual(expected, signature);
    }

    private static Optional<byte[]> decode(String header) {
        try {
            return Optional.of(Base64.getDecoder().decode(header.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] body, String secret, String macAlgorithm) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), macAlgorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + macAlgorithm + " is not available", e);
        }
    }
}

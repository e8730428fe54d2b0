package io.switchboard.vendor.keyyo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keyyo's web API as WireMock plays it: an unauthenticated request gets {@code 401} with a Digest
 * challenge; a request whose Digest {@code response} is right for the line's SIP password (checked
 * here, RFC 7616 MD5 / qop=auth) gets the stubbed answer.
 */
final class KeyyoDigestServer {

    static final String REALM = "keyyo.com";
    static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
    static final String CHALLENGE = "Digest realm=\"" + REALM + "\", nonce=\"" + NONCE
            + "\", qop=\"auth\", algorithm=MD5, opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    static final KeyyoLine LINE = new KeyyoLine("33123456789", "33123456789", "s1p-Passw0rd");

    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private KeyyoDigestServer() {}

    static URI baseUrl(WireMockExtension server) {
        return URI.create(server.baseUrl());
    }

    /** Every request to {@code page} without valid credentials is challenged. */
    static void challenge(WireMockExtension server, String page) {
        server.stubFor(get(urlPathEqualTo("/" + page)).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", CHALLENGE)
                        .withBody("401 Unauthorized")));
    }

    /** The request to {@code page} that carries valid Digest credentials of {@link #LINE}. */
    static MappingBuilder authorised(String page) {
        return get(urlPathEqualTo("/" + page)).atPriority(1).andMatching(validDigest(LINE));
    }

    /** Challenge, then answer {@code answer} to authorised requests. */
    static void stub(WireMockExtension server, String page, ResponseDefinitionBuilder answer) {
        challenge(server, page);
        server.stubFor(authorised(page).willReturn(answer));
    }

    static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("OK");
    }

    static ResponseDefinitionBuilder comeBackLater() {
        return aResponse().withStatus(500).withHeader("Content-Type", "text/html").withBody("Come Back Later");
    }

    /** Requests that carried an Authorization header, oldest first. */
    static List<LoggedRequest> authorisedRequests(WireMockExtension server) {
        return server.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .filter(request -> request.containsHeader("Authorization"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    static ValueMatcher<Request> validDigest(KeyyoLine line) {
        return request -> MatchResult.of(isValidDigest(request, line));
    }

    static Map<String, String> digestParameters(String header) {
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring("Digest ".length()));
        while (m.find()) {
            params.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return params;
    }

    private static boolean isValidDigest(Request request, KeyyoLine line) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = digestParameters(header);
        if (!line.sipLogin().equals(p.get("username")) || !REALM.equals(p.get("realm")) || !NONCE.equals(p.get("nonce"))
                || !request.getUrl().equals(p.get("uri"))) {
            return false;
        }
        String ha1 = md5(line.sipLogin() + ":" + REALM + ":" + line.sipPassword());
        String ha2 = md5(request.getMethod().getName() + ":" + p.get("uri"));
        String expected = md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        return "auth".equals(p.get("qop")) && expected.equals(p.get("response"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.switchboard.http;

import io.switchboard.ingress.IngressMetrics;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers every error that reaches {@code /error} (Spring Boot's error page: Spring MVC's 404, 405,
 * 406 and 415, a servlet's {@code sendError}, an exception a servlet threw) with the hub's JSON,
 * whatever the request's {@code Accept} says. Replaces Spring Boot's {@code BasicErrorController}
 * (which answered Spring's JSON with the request {@code path}, the Whitelabel HTML page, or an
 * empty 406 when it could not negotiate either).
 *
 * <p>It writes the answer to the servlet response itself, so no content negotiation runs; it
 * keeps the status of the failed request and the headers already set ({@code Allow} on a 405,
 * {@code Accept} on a 415). The request path is never echoed nor logged: webhook paths carry
 * source tokens. A direct request to {@code /error} (no error behind it) is a 404.
 *
 * <p>One 404 has a better answer: a Keyyo or Telphin webhook URL without its token, which their
 * docs (docs/vendors/keyyo.md, telphin.md) promise as {@code 401 missing_token}.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class JsonErrorController implements ErrorController {

    /** {@code /webhooks/keyyo}, {@code /webhooks/keyyo-cti/}, {@code /webhooks/telphin//}: a token feed without token. */
    private static final Pattern TOKENLESS_WEBHOOK = Pattern.compile("/webhooks/(keyyo|keyyo-cti|telphin)/*");

    private static final Map<String, String> MISSING_TOKEN = Map.of(
            "keyyo", "Missing token: the Keyyo notification URL must end with /<token> of a keyyo source",
            "keyyo-cti", "Missing token: the Keyyo CTI relay URL must end with /<token> of a keyyo source",
            "telphin", "Missing source token: the Telphin event URL must be /webhooks/telphin/{token}");

    private final IngressMetrics metrics;

    JsonErrorController(IngressMetrics metrics) {
        this.metrics = metrics;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = path((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), request.getContextPath());
        HttpErrors.Reply reply = reply(status instanceof Integer code ? code : null, path,
                response.getHeader("Allow"), response.getHeader("Accept"));
        if (reply.code().equals("missing_token")) {
            metrics.rejected(tokenlessVendor(path), reply.code(), reply.status());
        }
        HttpErrors.write(response, reply);
    }

    /**
     * The answer to an error dispatch.
     *
     * @param status the failed request's status ({@code jakarta.servlet.error.status_code}); null on
     *     a direct request to {@code /error}
     * @param path the failed request's path without the context path (only matched, never echoed)
     * @param allow the {@code Allow} header already set on the answer, or null
     * @param accept the {@code Accept} header already set on the answer (the types a 415 accepts), or null
     */
    static HttpErrors.Reply reply(Integer status, String path, String allow, String accept) {
        if (status == null) {
            return HttpErrors.forStatus(404);
        }
        if (status == 404 && path != null) {
            String vendor = tokenlessVendor(path);
            if (vendor != null) {
                return new HttpErrors.Reply(401, "missing_token", MISSING_TOKEN.get(vendor));
            }
        }
        return HttpErrors.forStatus(status < 400 ? 500 : status, allow, accept);
    }

    /** The vendor of a token webhook path that lacks its token, else null. */
    static String tokenlessVendor(String path) {
        if (path == null) {
            return null;
        }
        Matcher m = TOKENLESS_WEBHOOK.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    private static String path(String uri, String contextPath) {
        if (uri == null) {
            return null;
        }
        return contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }
}

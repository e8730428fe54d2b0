package io.switchboard.ingress;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpBinding;
import org.apache.camel.http.base.HttpHelper;
import org.apache.camel.http.common.HttpBinding;

/**
 * How a webhook route's platform-http consumer reads the request into the Camel message: only what
 * {@link WebhookIngress} reads. That is the standard {@code CamelHttp*} headers, Content-Type and
 * Content-Length, the path's placeholders ({@code {token}}), the request headers the ingress keeps
 * with the raw request ({@link WebhookIngress#KEPT_HEADERS}), and as body the bytes
 * {@link WebhookRequestGuard} already read.
 *
 * <p>Camel's own binding copies every request header and every query parameter into headers, and
 * runs a regular expression it compiles anew over each parameter value to sanitise it for a trace
 * log. For a webhook whose query string is the payload (Keyyo, Telphin) that was about a fifth of
 * all the memory a request allocated, none of it read (BENCHMARKS.md, "Core hub"). The API routes
 * and consultants' platform-http routes keep Camel's binding.
 */
public final class WebhookHttpBinding extends SpringBootPlatformHttpBinding {

    private static final WebhookHttpBinding INSTANCE = new WebhookHttpBinding();

    private WebhookHttpBinding() {}

    /**
     * The binding that reads requests for {@code endpoint}: this one for a webhook route's
     * ({@link WebhookRoutes#PATH_PREFIX}), null for any other (Camel's own binding).
     */
    public static HttpBinding forEndpoint(PlatformHttpEndpoint endpoint) {
        String path = endpoint.getPath();
        return path != null && path.startsWith(WebhookRoutes.PATH_PREFIX) ? INSTANCE : null;
    }

    @Override
    public void readRequest(HttpServletRequest request, Message message) {
        Map<String, Object> headers = message.getHeaders();
        headers.put(Exchange.HTTP_METHOD, request.getMethod());
        headers.put(Exchange.HTTP_QUERY, request.getQueryString());
        headers.put(Exchange.HTTP_URI, request.getRequestURI());
        if (request.getContentType() != null) {
            headers.put(Exchange.CONTENT_TYPE, request.getContentType());
        }
        if (request.getContentLengthLong() >= 0) {
            headers.put(Exchange.CONTENT_LENGTH, request.getContentLengthLong());
        }
        for (String name : WebhookIngress.KEPT_HEADERS) {
            Object value = values(request.getHeaders(name));
            if (value != null) {
                headers.put(name, value);
            }
        }
        String consumerPath = ((PlatformHttpEndpoint) message.getExchange().getFromEndpoint()).getPath();
        if (consumerPath.indexOf('{') >= 0) {
            HttpHelper.evalPlaceholders(headers, withoutLeadingSlash(request.getRequestURI()), withoutLeadingSlash(consumerPath));
        }
    }

    /** The body the guard read; Camel's reading only for a request that did not pass it. */
    @Override
    public Object parseBody(HttpServletRequest request, Message message) throws IOException {
        return request.getAttribute(WebhookRequestGuard.BODY_ATTRIBUTE) instanceof byte[] body
                ? body
                : super.parseBody(request, message);
    }

    /** One value as it is, several as a list: as Camel's binding maps a repeated header. */
    private static Object values(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        List<String> all = new ArrayList<>();
        all.add(first);
        while (values.hasMoreElements()) {
            all.add(values.nextElement());
        }
        return all;
    }

    private static String withoutLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}

package io.switchboard.http;

import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.IngressMetrics;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.http.common.HttpBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's Spring Boot platform-http consumer, run on the servlet container's thread: the route
 * processes the request and writes the answer before Spring MVC's handler returns. Returning no
 * future tells Spring MVC the request is handled, so there is no executor hand-off and no second
 * (async) dispatch through the container. {@link HttpWorkerPool} bounds how many run at once.
 */
final class DirectPlatformHttpConsumer extends SpringBootPlatformHttpConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(DirectPlatformHttpConsumer.class);

    private final HttpWorkerPool workers;
    private final IngressMetrics metrics;
    private final HttpBinding requestBinding;

    /**
     * @param requestBinding reads the request into the Camel message instead of Camel's binding
     *     (which still writes the answer), or null for Camel's
     */
    DirectPlatformHttpConsumer(PlatformHttpEndpoint endpoint, Processor processor, HttpWorkerPool workers,
            IngressMetrics metrics, HttpBinding requestBinding) {
        super(endpoint, processor, Runnable::run);
        this.workers = workers;
        this.metrics = metrics;
        this.requestBinding = requestBinding;
    }

    @Override
    public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
        workers.enter();
        try {
            handleService(request, response);
        } catch (Exception e) {
            // Routes answer their own errors (route configurations); this is what escaped them: a
            // body Camel's binding could not read (400), or a fault (500). The log names the route's
            // path pattern, never the request URI: webhook paths carry the source token.
            boolean unreadable = UnreadableBody.is(e);
            if (unreadable) {
                metrics.rejectedIfWebhook(request.getRequestURI(), UnreadableBody.CODE, 400);
                LOG.info("Refused {} {}: unreadable body ({})", request.getMethod(), getEndpoint().getPath(),
                        e.getClass().getSimpleName());
            } else {
                LOG.warn("Error handling {} {}", request.getMethod(), getEndpoint().getPath(), e);
            }
            if (!response.isCommitted()) {
                answer(response, unreadable ? 400 : 500, unreadable ? UnreadableBody.CODE : "internal_error",
                        unreadable ? UnreadableBody.message(e) : "Unexpected error");
            }
        } finally {
            workers.exit();
        }
        return null; // handled: Spring MVC starts no async processing for a null future
    }

    /**
     * Camel's request handling, with the message read by {@link #requestBinding} when there is one:
     * its headers, and its body as the binding parses it (not turned into a stream cache). It leaves
     * out what those routes never use: the cookie handler, the context-path header, the servlet
     * request and response as headers, and the charset property taken from the Content-Type.
     */
    @Override
    protected void handleService(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (requestBinding == null || isSuspended()) {
            super.handleService(request, response); // a suspended route: Camel's 503
            return;
        }
        Exchange exchange = createExchange(true);
        exchange.setPattern(ExchangePattern.InOut);
        // Not PlatformHttpMessage.init: it would ask Camel's type converter for a StreamCache of
        // the body, and for a byte[] that lookup misses expensively on every request.
        PlatformHttpMessage message = new PlatformHttpMessage(request, response, exchange, requestBinding, true);
        exchange.setIn(message);
        requestBinding.readRequest(request, message);
        message.setBody(requestBinding.parseBody(request, message));
        try {
            createUoW(exchange);
        } catch (Exception e) {
            throw new ServletException(e);
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            afterProcess(response, exchange);
        }
    }

    private static void answer(HttpServletResponse response, int status, String code, String message) {
        try {
            response.resetBuffer();
            HttpReplies.error(response, status, code, message);
        } catch (IOException | IllegalStateException ignored) {
            // the caller has gone, or the response was committed meanwhile
        }
    }
}

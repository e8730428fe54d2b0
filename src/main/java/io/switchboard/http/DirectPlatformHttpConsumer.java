package io.switchboard.http;

import io.switchboard.ingress.HttpReplies;
import io.switchboard.ingress.IngressMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
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

    DirectPlatformHttpConsumer(PlatformHttpEndpoint endpoint, Processor processor, HttpWorkerPool workers,
            IngressMetrics metrics) {
        super(endpoint, processor, Runnable::run);
        this.workers = workers;
        this.metrics = metrics;
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

    private static void answer(HttpServletResponse response, int status, String code, String message) {
        try {
            response.resetBuffer();
            HttpReplies.error(response, status, code, message);
        } catch (IOException | IllegalStateException ignored) {
            // the caller has gone, or the response was committed meanwhile
        }
    }
}

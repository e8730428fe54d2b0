package io.switchboard.http;

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

    DirectPlatformHttpConsumer(PlatformHttpEndpoint endpoint, Processor processor, HttpWorkerPool workers) {
        super(endpoint, processor, Runnable::run);
        this.workers = workers;
    }

    @Override
    public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
        workers.enter();
        try {
            handleService(request, response);
        } catch (Exception e) {
            // Routes answer their own errors (route configurations); this is what escaped them.
            LOG.warn("Error handling {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            if (!response.isCommitted()) {
                try {
                    response.sendError(500);
                } catch (IOException ignored) {
                    // the caller has gone
                }
            }
        } finally {
            workers.exit();
        }
        return null; // handled: Spring MVC starts no async processing for a null future
    }
}

package io.switchboard.http;

import io.switchboard.ingress.IngressMetrics;
import io.switchboard.ingress.WebhookHttpBinding;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;

/** The platform-http engine whose consumers run on the container thread ({@link DirectPlatformHttpConsumer}). */
final class DirectPlatformHttpEngine implements PlatformHttpEngine {

    private final int port;
    private final HttpWorkerPool workers;
    private final IngressMetrics metrics;

    DirectPlatformHttpEngine(int port, HttpWorkerPool workers, IngressMetrics metrics) {
        this.port = port;
        this.workers = workers;
        this.metrics = metrics;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new DirectPlatformHttpConsumer(endpoint, processor, workers, metrics, WebhookHttpBinding.forEndpoint(endpoint));
    }

    @Override
    public int getServerPort() {
        return port;
    }
}

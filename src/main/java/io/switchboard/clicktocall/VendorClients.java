package io.switchboard.clicktocall;

import io.switchboard.config.Source;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API client per source, made on first use from the source's {@code api:} settings and closed
 * with the hub. Thread-safe.
 *
 * @param <C> the vendor's client type
 */
final class VendorClients<C extends AutoCloseable> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VendorClients.class);

    private final Map<String, C> bySource = new ConcurrentHashMap<>();
    private final Function<Source, C> factory;

    VendorClients(Function<Source, C> factory) {
        this.factory = factory;
    }

    C of(Source source) {
        return bySource.computeIfAbsent(source.id(), id -> factory.apply(source));
    }

    /** The source's {@code api.base-url}, else the vendor's default. */
    static URI baseUrl(Source source, URI vendorDefault) {
        String configured = source.api().baseUrl();
        return configured == null || configured.isBlank() ? vendorDefault : URI.create(configured.trim());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public void close() {
        bySource.forEach((id, client) -> {
            try {
                client.close();
            } catch (Exception e) {
                LOG.warn("Closing the API client of source '{}' failed: {}", id, e.toString());
            }
        });
        bySource.clear();
    }
}

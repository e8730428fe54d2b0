package io.switchboard.crm;

import io.switchboard.feed.FeedHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dry-run mode of every CRM sink: records and logs the request a sink would have sent instead of
 * sending it. A sink with {@code dryRun=true} builds its request exactly as for real (mapping,
 * template, signature), then calls {@link #record}; the delivery completes normally, so a dry run
 * exercises the whole path except the remote write. The last {@value #KEPT} requests are kept in
 * memory and served by {@code GET /api/v1/dry-runs}; each is also logged at INFO
 * ({@code io.switchboard.crm.DryRunRecorder}). Header values that look like credentials are masked.
 *
 * <p>Kamelet beans created by {@code #class:} reach it with {@link #in(CamelContext)}.
 */
@Component
public class DryRunRecorder {

    /** How many would-be requests are kept for the API. */
    public static final int KEPT = 200;

    private static final Logger LOG = LoggerFactory.getLogger(DryRunRecorder.class);
    private static final Pattern SECRET_HEADER =
            Pattern.compile(".*(authorization|token|secret|password|api-?key|cookie).*", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LOGGED_BODY = 2000;

    private final Clock clock;
    private final Deque<Entry> recent = new ArrayDeque<>();

    public DryRunRecorder(Clock clock) {
        this.clock = clock;
    }

    /**
     * One request a sink did not send.
     *
     * @param sink    the sink kind, e.g. {@code webhook}, {@code sql}, {@code hubspot}
     * @param method  HTTP method, or {@code SQL}
     * @param target  URL (without query string) or data source name
     * @param headers request headers, credentials masked
     * @param body    request body, SQL statement, or parameters as text
     */
    public record Entry(
            Instant at,
            String sink,
            String subscription,
            String callId,
            Long deliveryId,
            String method,
            String target,
            Map<String, String> headers,
            String body) {}

    /** The recorder registered in {@code context} (the hub's Spring bean). */
    public static DryRunRecorder in(CamelContext context) {
        DryRunRecorder recorder = context.getRegistry().findSingleByType(DryRunRecorder.class);
        if (recorder == null) {
            throw new IllegalStateException("No DryRunRecorder bean in the Camel registry");
        }
        return recorder;
    }

    /** Records the request a sink would have sent for the delivery on {@code exchange}; returns the entry. */
    public Entry record(Exchange exchange, String sink, String method, String target, Map<String, String> headers, String body) {
        Entry entry = new Entry(
                clock.instant(),
                sink,
                exchange.getMessage().getHeader(FeedHeaders.SUBSCRIPTION, String.class),
                exchange.getMessage().getHeader(FeedHeaders.CALL_ID, String.class),
                exchange.getMessage().getHeader(FeedHeaders.DELIVERY_ID, Long.class),
                method,
                withoutQuery(target),
                masked(headers),
                body);
        synchronized (recent) {
            recent.addFirst(entry);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        LOG.info("DRY RUN {} (subscription {}, call {}): {} {} headers={} body={}", sink, entry.subscription(),
                entry.callId(), method, entry.target(), entry.headers(), clip(body));
        return entry;
    }

    /** The newest {@code limit} entries, newest first. */
    public List<Entry> recent(int limit) {
        List<Entry> out = new ArrayList<>();
        synchronized (recent) {
            Iterator<Entry> it = recent.iterator();
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next());
            }
        }
        return out;
    }

    static Map<String, String> masked(Map<String, String> headers) {
        if (headers == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, SECRET_HEADER.matcher(name).matches() ? "****" : value));
        return Collections.unmodifiableMap(out);
    }

    static String withoutQuery(String target) {
        if (target == null) {
            return null;
        }
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    private static String clip(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_LOGGED_BODY ? body : body.substring(0, MAX_LOGGED_BODY) + "…";
    }

    /** For tests of sinks: forgets every entry. */
    public void clear() {
        synchronized (recent) {
            recent.clear();
        }
    }

}

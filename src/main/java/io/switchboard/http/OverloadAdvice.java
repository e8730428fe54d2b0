package io.switchboard.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.call.CanonicalJson;
import io.switchboard.ingress.HttpReplies;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request refused by the full {@link HttpWorkerPool} gets a 503 JSON error with
 * {@code Retry-After}: nothing was read or stored, and vendors retry a 503. Logged at most once
 * every ten seconds with the count since, so an overload does not also flood the log.
 */
@RestControllerAdvice
class OverloadAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(OverloadAdvice.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private final HttpWorkerProperties properties;
    private final Counter shed;
    private final AtomicLong shedSinceLog = new AtomicLong();
    private final AtomicReference<Instant> lastLog = new AtomicReference<>(Instant.EPOCH);

    OverloadAdvice(HttpWorkerProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.shed = meters.counter("switchboard.http.shed");
    }

    @ExceptionHandler(RejectedExecutionException.class)
    ResponseEntity<String> overloaded(RejectedExecutionException e) {
        shed.increment();
        logNowAndThen();
        long seconds = Math.max(1, properties.retryAfter().toSeconds());
        String body = CanonicalJson.write(HttpReplies.error(
                503, "overloaded", "The hub is busy (" + properties.threads() + " requests in progress, "
                        + properties.queue() + " waiting); nothing was stored, retry after " + seconds + " s"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private void logNowAndThen() {
        long count = shedSinceLog.incrementAndGet();
        Instant now = Instant.now();
        Instant last = lastLog.get();
        if (now.isAfter(last.plus(LOG_EVERY)) && lastLog.compareAndSet(last, now)) {
            shedSinceLog.addAndGet(-count);
            LOG.warn("Overloaded: refused {} request(s) with 503 in the last {} s (switchboard.http-workers: {} threads, queue {})",
                    count, LOG_EVERY.toSeconds(), properties.threads(), properties.queue());
        }
    }
}

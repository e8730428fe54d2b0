package io.switchboard.http;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests the hub works on at once: everything under {@code switchboard.http-workers}.
 * Requests beyond {@code threads + queue} are refused at once with 503 and {@code Retry-After}
 * instead of piling up in memory (vendors retry a 503).
 *
 * @param threads requests processed concurrently (each webhook waits for its group commit on one)
 * @param queue requests waiting for a free thread before the hub answers 503
 * @param retryAfter what the 503 tells the caller to wait
 */
@Validated
@ConfigurationProperties("switchboard.http-workers")
public record HttpWorkerProperties(
        @DefaultValue("64") @Min(1) int threads,
        @DefaultValue("256") @Min(0) int queue,
        @DefaultValue("2s") Duration retryAfter) {}

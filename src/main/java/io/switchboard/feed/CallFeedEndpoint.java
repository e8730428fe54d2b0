package io.switchboard.feed;

import io.switchboard.call.CallState;
import io.switchboard.journal.CallJournal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.TimeUtils;

/** Endpoint of {@link CallFeedComponent}; every option is documented in the Kamelet. */
public class CallFeedEndpoint extends ScheduledPollEndpoint {

    private final CallFeed feed;
    private final CallJournal journal;
    private String subscription;
    private String states = "";
    private String lines = "";
    private String vendors = "";
    private boolean includeUpdates;
    private int maxAttempts = 20;
    private long initialBackoff = 1000;
    private long maxBackoff = 600_000;
    /** 0: {@link #BATCH_PER_WORKER} per concurrent delivery, at least {@link #MIN_BATCH}. */
    private int batchSize;
    private int concurrency = 1;
    private String maxAge = "24h";

    /**
     * Deliveries a poll takes per concurrent delivery when {@code batchSize} is not set. A poll waits
     * for its whole batch before it claims the next, so the workers idle on the batch's last few
     * deliveries: 16 each keeps that tail small (bench/crm.sh at concurrency 32, batch 100 → 500/512:
     * writes/s +5 to +9 %, lag p99 at 200 calls/s 156-158 → 84-93 ms; BENCHMARKS.md "CRM delivery").
     */
    static final int BATCH_PER_WORKER = 16;

    /** The smallest batch a poll takes when {@code batchSize} is not set (and the default at concurrency 1-6). */
    static final int MIN_BATCH = 100;

    CallFeedEndpoint(String uri, CallFeedComponent component, CallFeed feed, CallJournal journal) {
        super(uri, component);
        this.feed = feed;
        this.journal = journal;
        setDelay(500);
        // First poll as soon as the route starts (Camel's default waits 1 s): the hub's readiness waits
        // for every consumer's first poll, so the default added a second to start-up.
        setInitialDelay(0);
        // Poll again at once while there is work: a backlog drains without waiting for the delay.
        setGreedy(true);
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("switchboard:calls is a source: use it in 'from'");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (subscription == null || subscription.isBlank()) {
            throw new IllegalArgumentException("switchboard:calls needs a 'subscription' name (unique per route)");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("switchboard:calls concurrency must be at least 1, was " + concurrency);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("switchboard:calls batchSize must be 0 (automatic) or more, was " + batchSize);
        }
        maxAgeDuration(); // fails the route start on a bad value
        CallFeedConsumer consumer = new CallFeedConsumer(this, processor, feed, journal);
        configureConsumer(consumer);
        return consumer;
    }

    CallFeed.Filter filter() {
        Set<CallState> wanted = split(states).stream()
                .map(s -> {
                    try {
                        return CallState.valueOf(s.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("switchboard:calls states: '" + s + "' is not one of "
                                + Arrays.toString(CallState.values()));
                    }
                })
                .collect(Collectors.toSet());
        return new CallFeed.Filter(wanted, split(lines), split(vendors), includeUpdates);
    }

    /**
     * {@code maxAge} as a duration: {@code 24h}, {@code 90m}, {@code 1h30m} (Camel time text),
     * ISO-8601 ({@code PT24H}, {@code P2D}) or plain milliseconds; empty or {@code 0}: no age limit.
     */
    Duration maxAgeDuration() {
        return parseMaxAge(maxAge);
    }

    static Duration parseMaxAge(String maxAge) {
        String text = maxAge == null ? "" : maxAge.strip();
        if (text.isEmpty() || text.equals("0")) {
            return null;
        }
        try {
            Duration d = text.startsWith("P") || text.startsWith("p")
                    ? Duration.parse(text)
                    : Duration.ofMillis(TimeUtils.toMilliSeconds(text));
            if (d.isNegative() || d.isZero()) {
                return null;
            }
            return d;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("switchboard:calls maxAge: '" + maxAge
                    + "' is not a duration such as 24h, 90m, PT24H or milliseconds");
        }
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public String getSubscription() { return subscription; }
    public void setSubscription(String subscription) { this.subscription = subscription; }
    public String getStates() { return states; }
    public void setStates(String states) { this.states = states; }
    public String getLines() { return lines; }
    public void setLines(String lines) { this.lines = lines; }
    public String getVendors() { return vendors; }
    public void setVendors(String vendors) { this.vendors = vendors; }
    public boolean isIncludeUpdates() { return includeUpdates; }
    public void setIncludeUpdates(boolean includeUpdates) { this.includeUpdates = includeUpdates; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public long getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(long initialBackoff) { this.initialBackoff = initialBackoff; }
    public long getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(long maxBackoff) { this.maxBackoff = maxBackoff; }
    /** The deliveries one poll takes: the {@code batchSize} option, or when it is 0, 16 per concurrent delivery and at least 100. */
    public int getBatchSize() {
        return batchSize > 0 ? batchSize : Math.max(MIN_BATCH, BATCH_PER_WORKER * concurrency);
    }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public int getConcurrency() { return concurrency; }
    public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
    public String getMaxAge() { return maxAge; }
    public void setMaxAge(String maxAge) { this.maxAge = maxAge; }
}

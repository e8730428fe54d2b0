package io.switchboard.feed;

import io.switchboard.call.CallState;
import io.switchboard.journal.CallJournal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

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
    private int batchSize = 100;

    CallFeedEndpoint(String uri, CallFeedComponent component, CallFeed feed, CallJournal journal) {
        super(uri, component);
        this.feed = feed;
        this.journal = journal;
        setDelay(500);
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
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}

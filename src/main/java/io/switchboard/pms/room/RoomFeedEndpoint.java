package io.switchboard.pms.room;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * {@code switchboard:rooms?subscription=NAME&types=CHECK_IN,CHECK_OUT}: room events in order, one
 * per message (JSON, {@link RoomEvent}). Each subscription keeps its cursor in the journal. An event
 * whose route fails is retried with backoff — later events wait, so a room's check-in is never
 * overtaken by its check-out — and after {@code maxAttempts} (0: no limit, the event holds the
 * later ones until it goes through) set aside as DEAD in
 * {@code pms_room_dead_events} (listed and replayed through the admin API, never lost) so later
 * events go on. Options are documented in the {@code switchboard-room-source} Kamelet.
 */
public class RoomFeedEndpoint extends ScheduledPollEndpoint {

    private final RoomEvents events;
    private String subscription;
    private String types = "";
    private int maxAttempts = 20;
    private long initialBackoff = 1000;
    private long maxBackoff = 600_000;
    private int batchSize = 100;

    RoomFeedEndpoint(String uri, Component component, RoomEvents events) {
        super(uri, component);
        this.events = events;
        setDelay(500);
        setInitialDelay(0); // as switchboard:calls: readiness waits for the first poll
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("switchboard:rooms is a source: use it in 'from'");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (subscription == null || subscription.isBlank()) {
            throw new IllegalArgumentException("switchboard:rooms needs a 'subscription' name (unique per route)");
        }
        RoomFeedConsumer consumer = new RoomFeedConsumer(this, processor, events, wantedTypes());
        configureConsumer(consumer);
        return consumer;
    }

    Set<RoomEventType> wantedTypes() {
        if (types == null || types.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(types.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return RoomEventType.valueOf(s.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("switchboard:rooms types: '" + s + "' is not one of "
                                + Arrays.toString(RoomEventType.values()));
                    }
                })
                .collect(Collectors.toSet());
    }

    public String getSubscription() { return subscription; }
    public void setSubscription(String subscription) { this.subscription = subscription; }
    public String getTypes() { return types; }
    public void setTypes(String types) { this.types = types; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public long getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(long initialBackoff) { this.initialBackoff = initialBackoff; }
    public long getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(long maxBackoff) { this.maxBackoff = maxBackoff; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}

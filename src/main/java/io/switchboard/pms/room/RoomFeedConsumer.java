package io.switchboard.pms.room;

import io.switchboard.call.CanonicalJson;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the room-event log for one subscription and delivers events in order; see {@link RoomFeedEndpoint}. */
class RoomFeedConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(RoomFeedConsumer.class);

    private final RoomFeedEndpoint endpoint;
    private final RoomEvents events;
    private final Set<RoomEventType> types;

    RoomFeedConsumer(RoomFeedEndpoint endpoint, Processor processor, RoomEvents events, Set<RoomEventType> types) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.events = events;
        this.types = types;
    }

    @Override
    protected int poll() throws Exception {
        String name = endpoint.getSubscription();
        RoomEvents.Subscription sub = events.subscription(name, Instant.now());
        int delivered = replayDeadEvents(name);
        if (sub.nextAttemptAt().isAfter(Instant.now())) {
            return delivered;
        }
        int attempts = sub.attempts();
        for (RoomEvent event : events.after(sub.cursor(), endpoint.getBatchSize())) {
            if (!isRunAllowed()) {
                break;
            }
            if (!types.isEmpty() && !types.contains(event.type())) {
                events.advance(name, event.seq(), null, Instant.now());
                continue;
            }
            Exception failure = deliver(event, attempts + 1);
            if (failure == null) {
                events.advance(name, event.seq(), null, Instant.now());
                attempts = 0;
                delivered++;
                continue;
            }
            attempts++;
            if (endpoint.getMaxAttempts() > 0 && attempts >= endpoint.getMaxAttempts()) { // 0: no limit, as switchboard:calls
                LOG.error("Subscription '{}' gave up room event {} ({}) after {} attempts, kept as DEAD (replay: POST"
                        + " /api/v1/admin/pms/room-events/dead/{}/{}/replay): {}", name, event.seq(), event.type(), attempts,
                        name, event.seq(), failure.toString());
                events.dead(name, event, attempts, failure.toString(), Instant.now());
                events.advance(name, event.seq(), "gave up event " + event.seq() + ": " + failure, Instant.now());
                attempts = 0;
                continue;
            }
            Instant next = Instant.now().plusMillis(backoff(attempts));
            events.failed(name, attempts, next, failure.toString(), Instant.now());
            LOG.warn("Subscription '{}' failed to deliver room event {} (attempt {}): {}", name, event.seq(), attempts,
                    failure.toString());
            break;
        }
        return delivered;
    }

    /** Dead events an operator asked to replay: delivered once each; a failure makes them DEAD again. */
    private int replayDeadEvents(String name) {
        int delivered = 0;
        for (RoomEvent event : events.replays(name, endpoint.getBatchSize())) {
            if (!isRunAllowed()) {
                break;
            }
            Exception failure = deliver(event, 1);
            if (failure == null) {
                events.replayed(name, event.seq(), Instant.now());
                LOG.info("Subscription '{}' delivered the replayed room event {} ({})", name, event.seq(), event.type());
                delivered++;
            } else {
                events.dead(name, event, 1, failure.toString(), Instant.now());
                LOG.warn("Subscription '{}' failed to deliver the replayed room event {}; DEAD again: {}", name,
                        event.seq(), failure.toString());
            }
        }
        return delivered;
    }

    private Exception deliver(RoomEvent event, int attempt) {
        Exchange exchange = createExchange(false);
        Exception failure;
        try {
            exchange.getMessage().setBody(CanonicalJson.write(event));
            exchange.getMessage().setHeader(RoomHeaders.EVENT_TYPE, event.type().name());
            exchange.getMessage().setHeader(RoomHeaders.ROOM, event.room());
            exchange.getMessage().setHeader(RoomHeaders.EXTENSION, event.extension());
            exchange.getMessage().setHeader(RoomHeaders.EVENT_SEQ, event.seq());
            exchange.getMessage().setHeader(RoomHeaders.WAKE_UP_ID, event.wakeUpId());
            exchange.getMessage().setHeader(RoomHeaders.SUBSCRIPTION, endpoint.getSubscription());
            exchange.getMessage().setHeader(RoomHeaders.ATTEMPT, attempt);
            getProcessor().process(exchange);
            failure = exchange.getException();
        } catch (Exception e) {
            failure = e;
        } finally {
            releaseExchange(exchange, false);
        }
        return failure;
    }

    private long backoff(int attempt) {
        double exponential = endpoint.getInitialBackoff() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(exponential, endpoint.getMaxBackoff());
        return (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }
}

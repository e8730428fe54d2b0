package io.switchboard.feed;

import io.switchboard.call.Call;
import io.switchboard.call.CanonicalJson;
import io.switchboard.journal.CallJournal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the call feed for one subscription: claims new matching changes, then hands every due
 * delivery to the route. A delivery the route fails is retried later with exponential backoff and
 * jitter; after {@code maxAttempts} it is marked DEAD (kept in the journal for replay).
 */
class CallFeedConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CallFeedConsumer.class);

    private final CallFeedEndpoint endpoint;
    private final CallFeed feed;
    private final CallJournal journal;
    private CallFeed.Filter filter;

    CallFeedConsumer(CallFeedEndpoint endpoint, Processor processor, CallFeed feed, CallJournal journal) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.feed = feed;
        this.journal = journal;
    }

    @Override
    protected void doStart() throws Exception {
        filter = endpoint.filter();
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        String subscription = endpoint.getSubscription();
        feed.claim(subscription, filter, endpoint.getBatchSize() * 10);
        List<CallFeed.Delivery> due = feed.due(subscription, Instant.now(), endpoint.getBatchSize());
        for (CallFeed.Delivery delivery : due) {
            if (!isRunAllowed()) {
                break;
            }
            deliver(delivery);
        }
        return due.size();
    }

    private void deliver(CallFeed.Delivery delivery) {
        Optional<Call> call = journal.findCall(delivery.callId());
        int attempt = delivery.attempts() + 1;
        if (call.isEmpty()) {
            feed.failed(delivery.id(), attempt, Instant.now(), true, "call no longer in the journal", Instant.now());
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            Call c = call.get().withEvents(List.of());
            exchange.getMessage().setBody(CanonicalJson.write(c));
            exchange.getMessage().setHeader(FeedHeaders.CALL_ID, c.id());
            exchange.getMessage().setHeader(FeedHeaders.CALL_STATE, delivery.state().name());
            exchange.getMessage().setHeader(FeedHeaders.VENDOR, c.vendor());
            exchange.getMessage().setHeader(FeedHeaders.LINE, c.line());
            exchange.getMessage().setHeader(FeedHeaders.SUBSCRIPTION, endpoint.getSubscription());
            exchange.getMessage().setHeader(FeedHeaders.ATTEMPT, attempt);
            exchange.getMessage().setHeader(FeedHeaders.FEED_SEQ, delivery.feedSeq());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            settle(delivery, attempt, exchange.getException());
            releaseExchange(exchange, false);
        }
    }

    private void settle(CallFeed.Delivery delivery, int attempt, Exception failure) {
        Instant now = Instant.now();
        if (failure == null) {
            feed.delivered(delivery.id(), now);
            return;
        }
        boolean dead = attempt >= endpoint.getMaxAttempts();
        Instant next = now.plusMillis(backoff(attempt));
        feed.failed(delivery.id(), attempt, next, dead, failure.toString(), now);
        LOG.warn("Subscription '{}' failed to deliver call {} (attempt {}{}): {}", endpoint.getSubscription(),
                delivery.callId(), attempt, dead ? ", now DEAD" : "", failure.toString());
    }

    /** Exponential backoff from {@code initialBackoff}, capped at {@code maxBackoff}, with ±50 % jitter. */
    long backoff(int attempt) {
        double exponential = endpoint.getInitialBackoff() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(exponential, endpoint.getMaxBackoff());
        return (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }
}

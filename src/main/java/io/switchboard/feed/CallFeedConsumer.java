package io.switchboard.feed;

import io.switchboard.call.Call;
import io.switchboard.call.CanonicalJson;
import io.switchboard.journal.CallJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the call feed for one subscription: claims new matching changes, then hands every due
 * delivery to the route, up to {@code concurrency} at a time. The changes of one call go to one
 * worker in feed order, so a call is never delivered twice at once nor out of order. A delivery is
 * marked DELIVERED as soon as the route returns; a failed one is retried later with exponential
 * backoff and jitter, honouring the remote's {@code Retry-After}, until it is DEAD (not retryable,
 * {@code maxAttempts}, {@code maxAge}): see {@link DeliveryPolicy} and {@link DeliveryFailure}.
 */
class CallFeedConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CallFeedConsumer.class);

    private final CallFeedEndpoint endpoint;
    private final CallFeed feed;
    private final CallJournal journal;
    private final Clock clock = Clock.systemUTC();
    private CallFeed.Filter filter;
    private DeliveryPolicy policy;
    private ExecutorService workers;

    CallFeedConsumer(CallFeedEndpoint endpoint, Processor processor, CallFeed feed, CallJournal journal) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.feed = feed;
        this.journal = journal;
    }

    @Override
    protected void doStart() throws Exception {
        filter = endpoint.filter();
        policy = new DeliveryPolicy(endpoint.getMaxAttempts(), endpoint.maxAgeDuration(), endpoint.getInitialBackoff(),
                endpoint.getMaxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
        if (endpoint.getConcurrency() > 1) {
            workers = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "SwitchboardFeed[" + endpoint.getSubscription() + "]", endpoint.getConcurrency());
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        String subscription = endpoint.getSubscription();
        feed.claim(subscription, filter, Math.max(endpoint.getBatchSize() * 10, 1000));
        List<CallFeed.Delivery> due = feed.due(subscription, clock.instant(), endpoint.getBatchSize());
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, List<CallFeed.Delivery>> byCall = new LinkedHashMap<>();
        for (CallFeed.Delivery delivery : due) {
            byCall.computeIfAbsent(delivery.callId(), id -> new ArrayList<>()).add(delivery);
        }
        ExecutorService pool = workers;
        if (pool == null || byCall.size() == 1) {
            byCall.values().forEach(this::deliverInOrder);
        } else {
            List<Callable<Void>> tasks = new ArrayList<>();
            byCall.values().forEach(changes -> tasks.add(() -> {
                deliverInOrder(changes);
                return null;
            }));
            for (Future<Void> done : pool.invokeAll(tasks)) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    LOG.error("Subscription '{}': delivery worker failed", subscription, e.getCause());
                }
            }
        }
        return due.size();
    }

    /** One call's due changes, oldest first; stops at the first that stays PENDING (it holds back the rest). */
    private void deliverInOrder(List<CallFeed.Delivery> changes) {
        for (CallFeed.Delivery delivery : changes) {
            if (!isRunAllowed() || !deliver(delivery)) {
                return;
            }
        }
    }

    /** @return true when the delivery is settled (DELIVERED or DEAD), false when it will be retried */
    private boolean deliver(CallFeed.Delivery delivery) {
        Optional<Call> call = journal.findCallWithoutEvents(delivery.callId());
        int attempt = delivery.attempts() + 1;
        if (call.isEmpty()) {
            feed.failed(delivery.id(), attempt, clock.instant(), true, "call no longer in the journal", clock.instant());
            return true;
        }
        Exchange exchange = createExchange(false);
        try {
            Call c = call.get();
            exchange.getMessage().setBody(CanonicalJson.write(c));
            exchange.getMessage().setHeader(FeedHeaders.CALL_ID, c.id());
            exchange.getMessage().setHeader(FeedHeaders.CALL_STATE, delivery.state().name());
            exchange.getMessage().setHeader(FeedHeaders.VENDOR, c.vendor());
            exchange.getMessage().setHeader(FeedHeaders.LINE, c.line());
            exchange.getMessage().setHeader(FeedHeaders.SUBSCRIPTION, endpoint.getSubscription());
            exchange.getMessage().setHeader(FeedHeaders.ATTEMPT, attempt);
            exchange.getMessage().setHeader(FeedHeaders.FEED_SEQ, delivery.feedSeq());
            exchange.getMessage().setHeader(FeedHeaders.DELIVERY_ID, delivery.id());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            return settle(delivery, attempt, exchange);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private boolean settle(CallFeed.Delivery delivery, int attempt, Exchange exchange) {
        Instant now = clock.instant();
        Exception failure = exchange.getException();
        if (failure == null) {
            feed.delivered(delivery.id(), now);
            return true;
        }
        DeliveryFailure why = DeliveryFailure.of(failure, exchange.getMessage().getHeader(FeedHeaders.RETRY_AFTER), clock);
        DeliveryPolicy.Decision decision = policy.afterFailure(attempt, delivery.queuedAt(), now, why);
        feed.failed(delivery.id(), attempt, decision.nextAttempt(), decision.dead(), decision.error(), now);
        if (decision.dead()) {
            LOG.error("Subscription '{}': call {} delivery {} is DEAD after attempt {}/{}: {}", endpoint.getSubscription(),
                    delivery.callId(), delivery.id(), attempt, maxAttemptsText(), decision.error());
        } else {
            LOG.warn("Subscription '{}': call {} delivery {} attempt {}/{} failed, next attempt at {}: {}",
                    endpoint.getSubscription(), delivery.callId(), delivery.id(), attempt, maxAttemptsText(),
                    decision.nextAttempt(), decision.error());
        }
        if (!DeliveryFailure.isRemote(failure) && LOG.isDebugEnabled()) {
            // An expected remote error says all in its message; anything else may be a bug: its trace.
            LOG.debug("Subscription '{}': call {} delivery {} failed with", endpoint.getSubscription(),
                    delivery.callId(), delivery.id(), failure);
        }
        return decision.dead();
    }

    private String maxAttemptsText() {
        return endpoint.getMaxAttempts() > 0 ? String.valueOf(endpoint.getMaxAttempts()) : "unlimited";
    }
}

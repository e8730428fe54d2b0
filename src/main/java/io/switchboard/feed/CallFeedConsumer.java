package io.switchboard.feed;

import io.switchboard.call.Call;
import io.switchboard.call.CanonicalJson;
import io.switchboard.journal.CallJournal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the call feed for one subscription: claims new matching changes, then hands every due
 * delivery to the route, up to {@code concurrency} at a time. The changes of one call go to one
 * worker in feed order, so a call is never delivered twice at once nor out of order. The outcomes
 * (DELIVERED, or PENDING/DEAD after a failure) are written in one transaction per
 * {@link #SETTLE_INTERVAL} and at the end of the batch ({@link Settlements}); a crash before that
 * delivers them again (at-least-once, in order). A failed delivery is retried later with
 * exponential backoff and jitter, honouring the remote's {@code Retry-After}, until it is DEAD (not
 * retryable, {@code maxAttempts}, {@code maxAge}): see {@link DeliveryPolicy} and
 * {@link DeliveryFailure}.
 */
class CallFeedConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CallFeedConsumer.class);

    /**
     * How often the outcomes of a running batch are written (one transaction each): a crash delivers
     * again at most what returned in this window, plus what was in flight.
     */
    static final Duration SETTLE_INTERVAL = Duration.ofMillis(50);

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
        Settlements settlements = new Settlements(feed::settle, subscription, SETTLE_INTERVAL);
        ExecutorService pool = workers;
        if (pool == null || byCall.size() == 1) {
            for (List<CallFeed.Delivery> changes : byCall.values()) {
                deliverInOrder(changes, settlements);
                settlements.writeIfDue();
            }
        } else {
            List<Future<?>> running = new ArrayList<>(byCall.size());
            byCall.values().forEach(changes -> running.add(pool.submit(() -> deliverInOrder(changes, settlements))));
            try {
                for (Future<?> task : running) {
                    awaitWriting(task, settlements);
                }
            } catch (InterruptedException e) {
                settlements.writeAll(); // stopping: keep what has returned so far
                throw e;
            }
        }
        settlements.writeAll();
        return due.size();
    }

    /** Waits for one worker's task, writing the outcomes gathered meanwhile every {@link #SETTLE_INTERVAL}. */
    private void awaitWriting(Future<?> task, Settlements settlements) throws InterruptedException {
        while (true) {
            try {
                task.get(settlements.nanosToNextWrite(), TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException e) {
                settlements.writeIfDue();
            } catch (ExecutionException e) {
                LOG.error("Subscription '{}': delivery worker failed", endpoint.getSubscription(), e.getCause());
                return;
            }
        }
    }

    /** One call's due changes, oldest first; stops at the first that stays PENDING (it holds back the rest). */
    private void deliverInOrder(List<CallFeed.Delivery> changes, Settlements settlements) {
        for (CallFeed.Delivery delivery : changes) {
            if (!isRunAllowed()) {
                return;
            }
            CallFeed.Outcome outcome = deliver(delivery);
            settlements.add(outcome);
            if (outcome.status() == DeliveryStatus.PENDING) {
                return;
            }
        }
    }

    private CallFeed.Outcome deliver(CallFeed.Delivery delivery) {
        Optional<Call> call = journal.findCallWithoutEvents(delivery.callId());
        int attempt = delivery.attempts() + 1;
        if (call.isEmpty()) {
            Instant now = clock.instant();
            return CallFeed.Outcome.failed(delivery.id(), attempt, now, true, "call no longer in the journal", now);
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
            return outcome(delivery, attempt, exchange);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private CallFeed.Outcome outcome(CallFeed.Delivery delivery, int attempt, Exchange exchange) {
        Instant now = clock.instant();
        Exception failure = exchange.getException();
        if (failure == null) {
            return CallFeed.Outcome.delivered(delivery.id(), attempt, now);
        }
        DeliveryFailure why = DeliveryFailure.of(failure, exchange.getMessage().getHeader(FeedHeaders.RETRY_AFTER), clock);
        DeliveryPolicy.Decision decision = policy.afterFailure(attempt, delivery.queuedAt(), now, why);
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
        return CallFeed.Outcome.failed(delivery.id(), attempt, decision.nextAttempt(), decision.dead(), decision.error(), now);
    }

    private String maxAttemptsText() {
        return endpoint.getMaxAttempts() > 0 ? String.valueOf(endpoint.getMaxAttempts()) : "unlimited";
    }
}

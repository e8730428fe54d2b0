package io.switchboard.inbox;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.call.CallEvent;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.InboundRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for the inbox: requests from many HTTP threads queue here, one writer thread
 * stores whatever has queued in a single transaction, then completes each request's future. A
 * request's future completes only after its row is committed, so the hub never acknowledges an
 * event it could lose.
 *
 * <p>Before committing, the writer lingers ({@code switchboard.ingress.inbox-linger}, 1 ms by
 * default): it lets more requests join the transaction until the linger ends or
 * {@value #FULL_ENOUGH} have gathered. An H2 commit rewrites every B-tree page the transaction
 * touched, whatever it carries, so its cost (a few hundred µs) is mostly fixed: spread over dozens
 * of requests it is a few µs each, paid once per request it is most of the ingress's storage cost.
 */
@Component
public class InboxWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
    private static final int QUEUE_CAPACITY = 20_000;

    /** Requests enough to end a linger early: a commit's fixed cost is then a few µs each. */
    static final int FULL_ENOUGH = 64;

    private static final long STOP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private record Pending(InboundRequest request, List<CallEvent> events, CompletableFuture<Void> committed) {}

    private final Inbox inbox;
    private final TransactionTemplate tx;
    private final InboxProcessor processor;
    private final int batchSize;
    private final long lingerNanos;
    private final DistributionSummary commitSizes;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread thread;

    @Autowired
    InboxWriter(Inbox inbox, TransactionTemplate tx, InboxProcessor processor, SwitchboardProperties properties,
            MeterRegistry meters) {
        this(inbox, tx, processor, properties, meters, properties.ingress().inboxLinger().toNanos());
    }

    /** With any linger, longer than the setting allows too (tests). */
    InboxWriter(Inbox inbox, TransactionTemplate tx, InboxProcessor processor, SwitchboardProperties properties,
            MeterRegistry meters, long lingerNanos) {
        this.inbox = inbox;
        this.tx = tx;
        this.processor = processor;
        this.batchSize = properties.ingress().inboxBatchSize();
        this.lingerNanos = lingerNanos;
        this.commitSizes = DistributionSummary.builder("switchboard.inbox.commit.requests")
                .description("Requests stored by each group commit of the inbox")
                .baseUnit("requests")
                .register(meters);
    }

    /**
     * Queues a request; the future completes once it is committed, or fails if it could not be.
     *
     * @param events the request's translation, done by the caller to validate it: handed to the
     *     processor after the commit so it need not translate the row again
     */
    public CompletableFuture<Void> append(InboundRequest request, List<CallEvent> events) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (!running) {
            committed.completeExceptionally(new InboxUnavailableException("the hub is not accepting events right now"));
        } else if (!queue.offer(new Pending(request, events, committed))) {
            committed.completeExceptionally(new InboxUnavailableException("the inbox queue is full"));
        }
        return committed;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(batchSize);
        try {
            while (running || !queue.isEmpty()) {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                boolean interrupted = linger(batch);
                commit(batch); // what gathered is committed and answered either way
                batch.clear();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Interrupted (or stopped): take no more, and answer what still waits instead of
            // letting it time out.
            running = false;
            failQueued();
        }
    }

    private void failQueued() {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        InboxUnavailableException failure = new InboxUnavailableException("the hub is not accepting events right now");
        left.forEach(p -> p.committed().completeExceptionally(failure));
    }

    /**
     * Lets more requests join {@code batch} until the linger ends or it is full enough.
     *
     * @return whether the thread was interrupted meanwhile; the flag is cleared so that the commit
     *     that follows runs (an interrupted thread would make H2 close its file)
     */
    private boolean linger(List<Pending> batch) {
        int enough = Math.min(FULL_ENOUGH, batchSize);
        long deadline = System.nanoTime() + lingerNanos;
        try {
            while (batch.size() < enough && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // In slices, so that stop() ends a long linger soon.
                Pending next = queue.poll(Math.min(left, STOP_CHECK_NANOS), TimeUnit.NANOSECONDS);
                if (next != null) {
                    batch.add(next);
                    queue.drainTo(batch, batchSize - batch.size());
                }
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** This writer's thread (tests). */
    Thread thread() {
        return thread;
    }

    private void commit(List<Pending> batch) {
        List<InboundRequest> requests = batch.stream().map(Pending::request).toList();
        List<Long> handedOver = new ArrayList<>(batch.size());
        try {
            tx.executeWithoutResult(status -> {
                List<Long> ids = inbox.appendAll(requests);
                // Handed over before the commit, so a processor already draining finds them; a
                // batch that then fails to commit takes them back (its ids are never reused).
                for (int i = 0; i < batch.size(); i++) {
                    processor.translated(ids.get(i), batch.get(i).events());
                    handedOver.add(ids.get(i));
                }
            });
        } catch (RuntimeException e) {
            processor.forget(handedOver);
            LOG.error("Inbox commit of {} requests failed: {}", batch.size(), e.toString());
            InboxUnavailableException failure = new InboxUnavailableException("the journal could not store the event");
            batch.forEach(p -> p.committed().completeExceptionally(failure));
            return;
        }
        commitSizes.record(batch.size());
        batch.forEach(p -> p.committed().complete(null));
        processor.committed(batch.size());
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "inbox-writer");
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued(); // offered just as the writer finished: answered now, not after a timeout
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before Camel opens the HTTP routes and stop after they close. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}

package io.switchboard.vendor.keyyo.api;

import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-call through Keyyo at the pace Keyyo accepts: one call per second per line. Calls are
 * queued per line ({@code ACCOUNT}) and sent one at a time; the next request of a line leaves no
 * earlier than {@link Settings#spacing()} after the previous answer <em>arrived</em>, so Keyyo sees
 * at least that gap whatever the network delay. Lines do not wait for each other.
 *
 * <p>Keyyo's rate-limit answer {@code 500 Come Back Later} is not a failure: the call stays at the
 * head of its line's queue and is retried after an exponential backoff, up to
 * {@link Settings#maxRetries()} times. Every other error (refused credentials, unexpected body,
 * timeout) completes the call's future exceptionally with the {@link VendorApiException} at once —
 * a timed-out makecall may have rung the line, so it is never resent blindly.
 *
 * <p>Futures complete on the queue's threads; chain with {@code *Async} methods for slow work.
 */
public class KeyyoCallQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyyoCallQueue.class);

    /** Operation of the queue's own failures ({@link #QUEUE_FULL}, {@link #QUEUE_CLOSED}). */
    public static final String OPERATION = "makecall";
    /**
     * Starts the detail of the {@link Kind#RATE_LIMITED} failure (HTTP status 0, nothing sent to
     * Keyyo) when a line already has {@link Settings#maxPending()} calls waiting.
     */
    public static final String QUEUE_FULL = "queue_full";
    /**
     * Starts the detail of the {@link Kind#UNAVAILABLE} failure (HTTP status 0) of calls submitted
     * to, or still waiting in, a closed queue.
     */
    public static final String QUEUE_CLOSED = "queue_closed";

    /**
     * @param spacing minimum gap between Keyyo's answer to one request of a line and the next
     *     request of that line (Keyyo: one call per second)
     * @param maxRetries how many times a call refused with {@code Come Back Later} is sent again
     * @param initialBackoff wait before the first retry; doubled for each further retry
     * @param maxBackoff longest wait between retries
     * @param maxPending calls allowed to wait per line; more are refused with {@link #QUEUE_FULL}
     * @param threads threads sending requests (one line uses at most one at a time)
     */
    public record Settings(Duration spacing, int maxRetries, Duration initialBackoff, Duration maxBackoff,
            int maxPending, int threads) {

        public Settings {
            requirePositive(spacing, "spacing");
            requirePositive(initialBackoff, "initialBackoff");
            requirePositive(maxBackoff, "maxBackoff");
            if (maxRetries < 0 || maxPending < 1 || threads < 1) {
                throw new IllegalArgumentException("maxRetries must be >= 0, maxPending and threads >= 1");
            }
        }

        /** One second between requests, 5 retries after 1, 2, 4, 8, 16 s, 100 waiting calls per line, 4 threads. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), 5, Duration.ofSeconds(1), Duration.ofSeconds(16), 100, 4);
        }

        /** Wait before retry number {@code retry} (1-based): doubling from initialBackoff, capped, never below spacing. */
        Duration backoff(int retry) {
            long millis;
            try {
                millis = Math.multiplyExact(initialBackoff.toMillis(), 1L << Math.min(retry - 1, 30));
            } catch (ArithmeticException e) {
                millis = Long.MAX_VALUE;
            }
            return Duration.ofMillis(Math.max(Math.min(millis, maxBackoff.toMillis()), spacing.toMillis()));
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
        }
    }

    private final KeyyoApiClient client;
    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public KeyyoCallQueue(KeyyoApiClient client, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "keyyo-call-queue-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
    }

    /**
     * Queues a click-to-call on {@code line}. The future completes when Keyyo answered {@code OK},
     * or exceptionally with a {@link VendorApiException}. Cancelling it before the request leaves
     * removes the call from the queue.
     */
    public CompletableFuture<Void> submit(KeyyoLine line, KeyyoCall call) {
        Job job = new Job(Objects.requireNonNull(line, "line"), Objects.requireNonNull(call, "call"));
        if (closed) {
            job.future.completeExceptionally(closedFailure(line));
            return job.future;
        }
        Lane lane = lanes.computeIfAbsent(line.account(), account -> new Lane());
        synchronized (lane) {
            if (lane.jobs.size() >= settings.maxPending()) {
                job.future.completeExceptionally(
                        VendorApiException.of(KeyyoApiClient.VENDOR, OPERATION, Kind.RATE_LIMITED)
                                .detail(QUEUE_FULL + ": the click-to-call queue of line " + line.account()
                                        + " already holds " + settings.maxPending() + " calls")
                                .build());
                return job.future;
            }
            lane.jobs.addLast(job);
            pump(lane);
        }
        return job.future;
    }

    /** Stops sending; calls still waiting complete exceptionally. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        for (Map.Entry<String, Lane> entry : lanes.entrySet()) {
            Lane lane = entry.getValue();
            synchronized (lane) {
                lane.jobs.forEach(job -> job.future.completeExceptionally(closedFailure(job.line)));
                lane.jobs.clear();
            }
        }
    }

    /** Schedules the head of the lane when nothing of that lane is in flight. Holds the lane's lock. */
    private void pump(Lane lane) {
        if (lane.busy || lane.jobs.isEmpty() || closed) {
            return;
        }
        lane.busy = true;
        long delay = Math.max(0, lane.notBefore - System.nanoTime());
        try {
            scheduler.schedule(() -> attempt(lane), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            lane.busy = false; // closing: close() fails what is left
        }
    }

    private void attempt(Lane lane) {
        Job job;
        synchronized (lane) {
            job = lane.jobs.peekFirst();
        }
        if (job == null || job.future.isDone()) { // cancelled while waiting: no request, no pacing
            settle(lane, job, false, System.nanoTime(), false);
            return;
        }
        RuntimeException failure = null;
        try {
            client.makeCall(job.line, job.call);
        } catch (RuntimeException e) {
            failure = e;
        }
        long answeredAt = System.nanoTime();
        boolean comeBackLater = KeyyoApiClient.isComeBackLater(failure);
        boolean retry = comeBackLater && job.retries < settings.maxRetries();
        settle(lane, job, retry, answeredAt, true);
        if (retry) {
            return;
        }
        if (failure == null) {
            job.future.complete(null);
        } else if (comeBackLater) {
            job.future.completeExceptionally(exhausted(job, (VendorApiException) failure));
        } else {
            job.future.completeExceptionally(failure);
        }
    }

    /** Updates the lane after an attempt (or a skipped cancelled job) and schedules the next one. */
    private void settle(Lane lane, Job job, boolean retry, long answeredAt, boolean sent) {
        synchronized (lane) {
            if (sent) {
                lane.notBefore = answeredAt + settings.spacing().toNanos();
            }
            if (retry) {
                job.retries++;
                Duration backoff = settings.backoff(job.retries);
                lane.notBefore = Math.max(lane.notBefore, answeredAt + backoff.toNanos());
                LOG.info("Keyyo line {} answered 'Come Back Later': retry {} of {} in {} ms", job.line.account(),
                        job.retries, settings.maxRetries(), backoff.toMillis());
            } else if (job != null) {
                lane.jobs.remove(job);
            }
            lane.busy = false;
            pump(lane);
        }
    }

    private VendorApiException exhausted(Job job, VendorApiException last) {
        return VendorApiException.of(last.vendor(), last.operation(), last.kind())
                .httpStatus(last.httpStatus())
                .vendorCode(last.vendorCode().orElse(null))
                .vendorMessage(last.vendorMessage().orElse(null))
                .retryAfter(last.retryAfter().orElse(null))
                .detail("line " + job.line.account() + " still answered 'Come Back Later' after " + (job.retries + 1)
                        + " attempts")
                .cause(last)
                .build();
    }

    private static VendorApiException closedFailure(KeyyoLine line) {
        return VendorApiException.of(KeyyoApiClient.VENDOR, OPERATION, Kind.UNAVAILABLE)
                .detail(QUEUE_CLOSED + ": the click-to-call queue closed before the call of line " + line.account()
                        + " was placed")
                .build();
    }

    /** The calls of one line; guarded by the lane's monitor. */
    private static final class Lane {
        private final Deque<Job> jobs = new ArrayDeque<>();
        private long notBefore = System.nanoTime();
        private boolean busy;
    }

    private static final class Job {
        private final KeyyoLine line;
        private final KeyyoCall call;
        private final CompletableFuture<Void> future = new CompletableFuture<>();
        private int retries;

        private Job(KeyyoLine line, KeyyoCall call) {
            this.line = line;
            this.call = call;
        }
    }
}

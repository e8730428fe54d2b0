package io.switchboard.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the platform-http requests (webhooks, the REST API) the hub works on at once. A request
 * runs on the servlet container's own thread ({@link DirectPlatformHttpConsumer}); it first
 * {@link #enter enters} here: at most {@code threads} run, at most {@code queue} more wait for a
 * place, and any further one is refused at once ({@link RejectedExecutionException}, which
 * {@link OverloadAdvice} turns into a 503 the caller can retry) before its route runs.
 *
 * <p>Camel's Spring Boot platform-http would instead hand every request to an executor and finish
 * it with a second (async) dispatch through the container: that hand-off and re-dispatch cost more
 * CPU than a trivial route itself, and an unbounded executor queue kept every waiting request in
 * memory until the hub ran out of heap.
 */
public final class HttpWorkerPool {

    private final int threads;
    private final int capacity;
    private final Semaphore running;
    private final AtomicInteger admitted = new AtomicInteger();

    public HttpWorkerPool(int threads, int queue) {
        this.threads = threads;
        this.capacity = threads + queue;
        this.running = new Semaphore(threads);
    }

    /**
     * Takes a place for one request, waiting while {@code threads} requests run.
     *
     * @throws RejectedExecutionException when {@code threads} run and {@code queue} already wait
     */
    public void enter() {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            throw new RejectedExecutionException("every HTTP worker is busy and the queue is full");
        }
        running.acquireUninterruptibly();
    }

    /** Gives back the place {@link #enter} took. */
    public void exit() {
        running.release();
        admitted.decrementAndGet();
    }

    /** Requests running now. */
    public int active() {
        return threads - running.availablePermits();
    }

    /** Requests waiting for a place. */
    public int queued() {
        return Math.max(0, admitted.get() - active());
    }

    /** Container threads needed so that every admitted request, and the 503 of one more, has one. */
    int containerThreads() {
        return capacity + 8;
    }

    void registerMetrics(MeterRegistry meters) {
        Gauge.builder("switchboard.http.workers.active", this, HttpWorkerPool::active).register(meters);
        Gauge.builder("switchboard.http.workers.queued", this, HttpWorkerPool::queued).register(meters);
    }
}

package io.switchboard.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool every platform-http route (webhooks, the REST API) runs on. Camel's Spring
 * Boot platform-http hands each request to an executor; the default one has an unbounded queue, so
 * an overloaded hub kept every waiting request (and its buffers) in memory until it ran out of heap.
 * Here a full pool refuses the request ({@link RejectedExecutionException}), which
 * {@link OverloadAdvice} turns into a 503 the caller can retry.
 *
 * <p>Deliberately not a Spring {@code Executor} bean: that would replace Spring Boot's
 * {@code applicationTaskExecutor}.
 */
public final class HttpWorkerPool implements Executor, AutoCloseable {

    private final ThreadPoolExecutor pool;

    public HttpWorkerPool(int threads, int queue) {
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "http-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, waiting, factory, new ThreadPoolExecutor.AbortPolicy());
        pool.prestartAllCoreThreads();
    }

    /** @throws RejectedExecutionException when every thread is busy and the queue is full */
    @Override
    public void execute(Runnable request) {
        pool.execute(request);
    }

    public int active() {
        return pool.getActiveCount();
    }

    public int queued() {
        return pool.getQueue().size();
    }

    void registerMetrics(MeterRegistry meters) {
        Gauge.builder("switchboard.http.workers.active", this, HttpWorkerPool::active).register(meters);
        Gauge.builder("switchboard.http.workers.queued", this, HttpWorkerPool::queued).register(meters);
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}

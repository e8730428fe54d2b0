package io.switchboard.pms.apaleo;

import io.switchboard.pms.PmsProperties;
import io.switchboard.pms.charge.Posting;
import io.switchboard.pms.charge.PostingStore;
import io.switchboard.pms.charge.PostingStoredEvent;
import io.switchboard.vendor.api.VendorApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Forwards stored postings (target {@code apaleo}) to guest folios, oldest first, one at a time:
 * reservation from the room index → its main guest folio → a charge with {@code Idempotency-Key} =
 * posting id, so a retry after a lost answer never books twice. 4xx answers and postings without
 * a reservation or folio are final (REJECTED, reason kept); timeouts, 5xx, 429 and authentication
 * failures keep the posting PENDING and are retried with exponential backoff (1 s … 5 min).
 */
public final class ApaleoPoster implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ApaleoPoster.class);
    static final String TARGET = "apaleo";
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final PmsProperties.Apaleo settings;
    private final ApaleoClient client;
    private final PostingStore postings;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor worker;
    private int failures;
    private Instant pausedUntil = Instant.EPOCH;
    private volatile boolean running;

    public ApaleoPoster(PmsProperties.Apaleo settings, PmsProperties.Charges charges, ApaleoClient client,
            PostingStore postings, Clock clock) {
        if (charges.enabled() && TARGET.equals(charges.target()) && !"C".equals(charges.postingType())) {
            throw new IllegalArgumentException("Apaleo needs hub-priced charges: set switchboard.pms.charges.posting-type to C");
        }
        this.settings = settings;
        this.client = client;
        this.postings = postings;
        this.clock = clock;
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "apaleo-poster");
            t.setDaemon(true);
            return t;
        });
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void start() {
        running = true;
        worker.scheduleWithFixedDelay(this::drain, 0, 500, TimeUnit.MILLISECONDS);
        LOG.info("Apaleo charges to {}", settings.apiUrl());
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdownNow();
        client.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    @EventListener
    public void stored(PostingStoredEvent event) {
        if (running && TARGET.equals(event.target())) {
            worker.execute(this::drain);
        }
    }

    /** Sends every pending posting, unless paused after a retryable failure. */
    void drain() {
        try {
            while (running && !clock.instant().isBefore(pausedUntil)) {
                Optional<Posting> next = postings.next(TARGET);
                if (next.isEmpty() || !send(next.get())) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Apaleo: posting failed unexpectedly", e);
        }
    }

    /** @return false when the poster must pause (retryable failure) */
    private boolean send(Posting p) {
        postings.sent(p.id(), clock.instant());
        try {
            if (p.reservation() == null) {
                reject(p, "no reservation is known for room " + p.room());
                return true;
            }
            Optional<String> folio = client.guestFolio(p.reservation());
            if (folio.isEmpty()) {
                reject(p, "reservation " + p.reservation() + " has no guest folio");
                return true;
            }
            String name = settings.chargeName().replace("{destination}", p.destination() == null ? "" : p.destination()).trim();
            Optional<String> chargeId = client.postCharge(folio.get(), name, p.amount().stripTrailingZeros(), p.currency(), p.id());
            postings.answered(p.id(), Posting.Status.DONE, chargeId.orElse("created"), clock.instant());
            failures = 0;
            LOG.info("Apaleo: posting {} charged to folio {}", p.id(), folio.get());
            return true;
        } catch (VendorApiException e) {
            if (e.kind() == VendorApiException.Kind.REJECTED) {
                reject(p, e.getMessage());
                return true;
            }
            failures++;
            Duration wait = e.retryAfter().orElse(Duration.ofSeconds(1L << Math.min(failures - 1, 8)));
            wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
            pausedUntil = clock.instant().plus(wait);
            postings.attemptFailed(p.id(), e.getMessage(), clock.instant());
            LOG.warn("Apaleo: posting {} not sent ({}); retrying in {}", p.id(), e.getMessage(), wait);
            return false;
        }
    }

    private void reject(Posting p, String reason) {
        postings.rejected(p.id(), reason, clock.instant());
        LOG.warn("Apaleo: posting {} rejected: {}", p.id(), reason);
    }
}

package io.switchboard.pms.fias;

import io.switchboard.pms.PmsProperties;
import io.switchboard.pms.charge.Posting;
import io.switchboard.pms.charge.PostingStore;
import io.switchboard.pms.charge.PostingStoredEvent;
import io.switchboard.pms.room.WakeUps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * The hub's side of an OPERA FIAS link: a TCP client that keeps one connection to the PMS
 * interface (IFC) up for good.
 *
 * <ul>
 *   <li><b>Threads.</b> One reader thread per connection decodes frames ({@link FiasFrameDecoder});
 *       everything else — link state, writes, postings, the room index — runs on the single
 *       {@code fias-link} thread, so no state is shared and records are handled in arrival order.
 *   <li><b>Handshake</b> on every LS from the PMS: LD, one LR per configured record type, LA; the
 *       link is up when the PMS answers LA. Without an LS soon after connecting the hub sends one.
 *   <li><b>Keep-alive</b> when idle (LS or LA, configurable); no record in answer within the
 *       timeout drops the connection. <b>LE</b>: postings are held until the PMS restarts the link.
 *   <li><b>Reconnect</b> with exponential backoff and jitter after any drop or failed connect.
 *   <li><b>Postings</b> (PS) from the journal, oldest first, one in flight; its PA settles it. The
 *       P# is assigned once and persisted: after a drop or a PA timeout the same PS is resent with
 *       the same P#, so a PMS that booked it before the drop recognises the repeat.
 *   <li><b>Bad input never drops the link</b>: garbage, truncated frames and malformed records are
 *       logged with their reason and counted; the next good record is handled.
 * </ul>
 */
public final class FiasConnector implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FiasConnector.class);
    static final String TARGET = "fias";
    private static final long TICK_MILLIS = 100;

    /** Link states, as logged and as {@link #state()} reports them. */
    public enum State {
        STOPPED,
        DISCONNECTED,
        AWAITING_LINK_START,
        HANDSHAKING,
        UP,
        ENDED_BY_PMS
    }

    private final PmsProperties.Fias settings;
    private final FiasCodec codec;
    private final FiasInbound inbound;
    private final PostingStore postings;
    private final WakeUps wakeUps;
    private final Duration wakeUpAnswerTimeout;
    private final ZoneId zone;
    private final Clock clock;
    private final ScheduledExecutorService link;

    // link-thread state
    private Connection connection;
    private int generation;
    private int failures;
    private Instant stateSince;
    private boolean linkStartSent;
    private InFlight inFlight;
    private Instant lastSent = Instant.EPOCH;
    private Instant keepAliveSentAt;
    private Instant lastWakeUpCheck = Instant.EPOCH;
    private Instant lastPoll = Instant.EPOCH;
    private boolean rehandshake;
    private volatile boolean running;
    private volatile State state = State.STOPPED;

    // counters (read by tests, the benchmark and logs)
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong skippedInputs = new AtomicLong();
    private final AtomicLong postingsSettled = new AtomicLong();
    private final AtomicLong drops = new AtomicLong();

    private record InFlight(String postingId, long sequence, Instant sentAt) {}

    public FiasConnector(PmsProperties.Fias settings, FiasInbound inbound, PostingStore postings, WakeUps wakeUps,
            Duration wakeUpAnswerTimeout, ZoneId zone, Clock clock) {
        this.settings = settings;
        this.codec = new FiasCodec(Charset.forName(settings.charset()), settings.maxRecordBytes());
        this.inbound = inbound;
        this.postings = postings;
        this.wakeUps = wakeUps;
        this.wakeUpAnswerTimeout = wakeUpAnswerTimeout;
        this.zone = zone;
        this.clock = clock;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fias-link");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // a pending reconnect
        this.link = executor;
    }

    // --- lifecycle ---------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        LOG.info("FIAS link to {}:{} ({}), starting", settings.host(), settings.port(), codec.charset().name());
        link.execute(this::connect);
        link.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        link.execute(() -> {
            if (connection != null && state == State.UP) {
                send(connection, FiasLinkRecords.linkEnd(localNow()));
            }
            disconnect("hub stopping", false);
            state = State.STOPPED;
        });
        link.shutdown();
        try {
            if (!link.awaitTermination(5, TimeUnit.SECONDS)) {
                link.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            link.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the journal and the Camel routes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    public State state() {
        return state;
    }

    public long handshakes() {
        return handshakes.get();
    }

    public long skippedInputs() {
        return skippedInputs.get();
    }

    public long postingsSettled() {
        return postingsSettled.get();
    }

    public long drops() {
        return drops.get();
    }

    /**
     * Asks the PMS to replay its guests now (DR; it answers DS, one GI per occupied room, DE, and
     * {@link FiasInbound} replaces the room index with what it replays). Sent only over an UP link.
     *
     * @return the link state when the DR was sent or refused: sent only when {@code UP}
     */
    public State requestResync() {
        Future<State> result;
        try {
            result = link.submit(() -> {
                if (state != State.UP || connection == null) {
                    return state;
                }
                if (!send(connection, FiasLinkRecords.databaseResyncRequest(localNow()))) {
                    return state; // the write failed: the link is being re-established
                }
                LOG.info("FIAS: database resync (DR) requested by an administrator");
                return State.UP;
            });
        } catch (RejectedExecutionException e) {
            return State.STOPPED;
        }
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return state;
        } catch (ExecutionException | TimeoutException e) {
            return state == State.UP ? State.DISCONNECTED : state;
        }
    }

    /** A posting was stored, or a wake-up answered: send it now rather than on the next tick. */
    @EventListener({PostingStoredEvent.class, WakeUps.Answered.class})
    public void wakeUp(Object event) {
        if (running) {
            link.execute(this::pump);
        }
    }

    // --- connection --------------------------------------------------------------------------------

    private void connect() {
        if (!running || connection != null) {
            return;
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), (int) settings.connectTimeout().toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            state = State.DISCONNECTED;
            scheduleReconnect("cannot connect to " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
            return;
        }
        try {
            connection = new Connection(++generation, socket, socket.getOutputStream());
        } catch (IOException e) {
            closeQuietly(socket);
            scheduleReconnect("connection failed: " + e.getMessage());
            return;
        }
        enter(State.AWAITING_LINK_START);
        linkStartSent = false;
        inbound.linkRestarted();
        LOG.info("FIAS: connected to {}:{}, waiting for LS", settings.host(), settings.port());
        Thread reader = new Thread(() -> read(connection), "fias-reader-" + generation);
        reader.setDaemon(true);
        reader.start();
    }

    private void scheduleReconnect(String reason) {
        if (!running) {
            return;
        }
        long base = settings.backoffInitial().toMillis() << Math.min(failures, 20);
        long delay = Math.min(base, settings.backoffMax().toMillis());
        delay = delay + (long) (delay * 0.2 * ThreadLocalRandom.current().nextDouble());
        failures++;
        LOG.warn("FIAS link down ({}); reconnecting in {} ms (attempt {})", reason, delay, failures);
        link.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Closes the current connection; the posting in flight stays SENT and is resent with its P#. */
    private void disconnect(String reason, boolean reconnect) {
        if (connection == null) {
            return;
        }
        closeQuietly(connection.socket);
        connection = null;
        inFlight = null;
        keepAliveSentAt = null;
        drops.incrementAndGet();
        enter(State.DISCONNECTED);
        if (reconnect) {
            scheduleReconnect(reason);
        } else {
            LOG.info("FIAS link closed ({})", reason);
        }
    }

    /** The reader thread: decodes frames and hands records to the link thread. Never closes the socket. */
    private void read(Connection conn) {
        FiasFrameDecoder decoder = codec.newDecoder(skip -> {
            skippedInputs.incrementAndGet();
            LOG.warn("FIAS: skipped {} from the PMS; link kept", skip);
        });
        byte[] buffer = new byte[4096];
        String reason = "the PMS closed the connection";
        try {
            InputStream in = conn.socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (FiasRecord record : decoder.feed(buffer, 0, n)) {
                    link.execute(() -> receive(conn, record));
                }
            }
        } catch (RejectedExecutionException e) {
            reason = "the hub is stopping";
        } catch (IOException e) {
            reason = "read failed: " + e.getMessage();
        } catch (RuntimeException e) {
            reason = "reader failed: " + e;
        } finally {
            decoder.endOfStream();
        }
        String why = reason;
        try {
            link.execute(() -> {
                if (conn == connection) {
                    disconnect(why, true);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the hub is stopping; the socket is closed by stop()
        }
    }

    // --- records from the PMS ------------------------------------------------------------------------

    private void receive(Connection conn, FiasRecord record) {
        if (conn != connection) {
            return; // a record still queued from a connection that is gone
        }
        keepAliveSentAt = null;
        LOG.debug("FIAS <- {}", record.type());
        try {
            switch (record.type()) {
                case FiasCodes.LINK_START -> handshake(conn);
                case FiasCodes.LINK_ALIVE -> alive();
                case FiasCodes.LINK_END -> linkEnded();
                case FiasCodes.POSTING_ANSWER -> answer(FiasPostingAnswer.from(record));
                default -> {
                    if (!inbound.apply(record)) {
                        LOG.debug("FIAS: record {} not used by the hub; ignored", record.type());
                    }
                }
            }
        } catch (FiasFormatException e) {
            skippedInputs.incrementAndGet();
            LOG.warn("FIAS: ignored a {} record ({}): {}; link kept", record.type(), e.reason(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("FIAS: could not apply a {} record; link kept", record.type(), e);
        }
    }

    private void handshake(Connection conn) {
        if (inFlight != null) {
            LOG.info("FIAS: LS while P#{} awaits its PA; it is resent after the handshake", inFlight.sequence());
            inFlight = null;
        }
        rehandshake = state == State.UP; // an LS on an UP link: keep-alive LS answered, or the PMS restarting
        for (FiasRecord r : FiasLinkRecords.handshake(localNow(), settings.version(), settings.records())) {
            if (!send(conn, r)) {
                return;
            }
        }
        enter(State.HANDSHAKING);
    }

    private void alive() {
        if (state == State.HANDSHAKING) {
            enter(State.UP);
            failures = 0;
            handshakes.incrementAndGet();
            if (rehandshake) {
                LOG.debug("FIAS link handshake redone with {}:{}", settings.host(), settings.port());
            } else {
                LOG.info("FIAS link up with {}:{}", settings.host(), settings.port());
            }
            if (settings.resyncOnLinkUp()) {
                send(connection, FiasLinkRecords.databaseResyncRequest(localNow()));
            }
            pump();
        }
        // An LA on an established link answers our keep-alive (any record does); it is not answered
        // back, which would make two sides that both answer LA ping-pong forever.
    }

    private void linkEnded() {
        LOG.warn("FIAS: the PMS ended the link (LE); postings are held until it starts the link again");
        inFlight = null;
        enter(State.ENDED_BY_PMS);
    }

    private void answer(FiasPostingAnswer pa) {
        Optional<String> postingId = Optional.empty();
        if (inFlight != null && pa.answers(inFlight.sequence())) {
            postingId = Optional.of(inFlight.postingId());
            inFlight = null;
        } else if (pa.sequence() != null) {
            postingId = postings.sentWithSequence(TARGET, pa.sequence()).map(Posting::id);
        }
        if (postingId.isEmpty()) {
            LOG.warn("FIAS: PA for P#{} matches no posting awaiting an answer; ignored", pa.sequence());
            return;
        }
        Posting.Status status = pa.ok() ? Posting.Status.DONE : Posting.Status.REJECTED;
        if (postings.answered(postingId.get(), status, pa.status(), clock.instant())) {
            postingsSettled.incrementAndGet();
        }
        if (status == Posting.Status.REJECTED) {
            LOG.warn("FIAS: the PMS refused posting {} (P#{}): AS{}", postingId.get(), pa.sequence(), pa.status());
        }
        pump();
    }

    // --- records to the PMS --------------------------------------------------------------------------

    /** Sends what is waiting: wake-up answers, then the oldest unsettled posting if none is in flight. */
    private void pump() {
        if (state != State.UP || connection == null) {
            return;
        }
        for (WakeUps.WakeUp w : wakeUps.unsentAnswers()) {
            FiasRecord wa = FiasRecord.builder(FiasCodes.WAKEUP_ANSWER)
                    .field(FiasCodes.ROOM, w.room())
                    .fieldIfPresent(FiasCodes.DATE, w.date())
                    .field(FiasCodes.TIME, w.time())
                    .field(FiasCodes.ANSWER_STATUS, w.result())
                    .build();
            if (!send(connection, wa)) {
                return;
            }
            wakeUps.answerSent(w.id());
        }
        if (inFlight != null) {
            return;
        }
        Optional<Posting> next = postings.next(TARGET);
        if (next.isEmpty()) {
            return;
        }
        Posting p = next.get();
        long sequence = p.sequence() != null ? p.sequence() : postings.assignSequence(p.id());
        FiasRecord ps;
        try {
            ps = toRecord(p, sequence);
            codec.encode(ps); // a posting the link cannot carry must not block the ones behind it
        } catch (FiasFormatException e) {
            postings.answered(p.id(), Posting.Status.REJECTED, "UNWRITABLE", clock.instant());
            postings.attemptFailed(p.id(), "cannot be written as a FIAS PS: " + e.getMessage(), clock.instant());
            LOG.error("FIAS: posting {} cannot be written as a PS ({}); marked REJECTED", p.id(), e.reason());
            link.execute(this::pump);
            return;
        }
        if (p.status() == Posting.Status.SENT) {
            LOG.info("FIAS: resending posting {} with its P#{} (no PA received before)", p.id(), sequence);
        }
        if (send(connection, ps)) {
            postings.sent(p.id(), clock.instant());
            inFlight = new InFlight(p.id(), sequence, clock.instant());
        }
    }

    FiasRecord toRecord(Posting p, long sequence) {
        LocalDateTime start = LocalDateTime.ofInstant(p.callStartedAt(), zone).withNano(0);
        Duration duration = Duration.ofSeconds(p.durationSeconds());
        FiasPosting posting = "T".equals(p.postingType())
                ? new FiasPosting(p.room(), FiasPosting.Type.PMS_PRICED, null, duration, p.dialledDigits(), sequence, start)
                : FiasPosting.directCharge(p.room(), amount(p.amount()), duration, p.dialledDigits(), sequence, start);
        return posting.toRecord(settings.decimals());
    }

    private BigDecimal amount(BigDecimal stored) {
        return stored.stripTrailingZeros().scale() < 0 ? stored.setScale(0) : stored.stripTrailingZeros();
    }

    private boolean send(Connection conn, FiasRecord record) {
        if (conn == null) {
            return false;
        }
        try {
            conn.out.write(codec.encode(record));
            conn.out.flush();
            lastSent = clock.instant();
            LOG.debug("FIAS -> {}", record.type());
            return true;
        } catch (IOException e) {
            if (conn == connection) {
                disconnect("write failed: " + e.getMessage(), true);
            }
            return false;
        } catch (FiasFormatException e) {
            LOG.error("FIAS: cannot write a {} record ({}): {}", record.type(), e.reason(), e.getMessage());
            return false;
        }
    }

    // --- timers --------------------------------------------------------------------------------------

    /**
     * Every 100 ms on the link thread: timeouts and keep-alive; once a second also wake-up expiry
     * and a look for work stored without an event (postings and answers normally wake the link at
     * once through {@link #wakeUp}).
     */
    private void tick() {
        try {
            Instant now = clock.instant();
            if (now.isAfter(lastWakeUpCheck.plusSeconds(1))) {
                lastWakeUpCheck = now;
                wakeUps.expire(now, wakeUpAnswerTimeout);
            }
            if (connection == null) {
                return;
            }
            checkTimeouts(now);
            if (connection != null && now.isAfter(lastPoll.plusSeconds(1))) {
                lastPoll = now;
                pump();
            }
        } catch (RuntimeException e) {
            LOG.error("FIAS: link housekeeping failed", e);
        }
    }

    private void checkTimeouts(Instant now) {
        Duration inState = Duration.between(stateSince, now);
        switch (state) {
            case AWAITING_LINK_START -> {
                if (!linkStartSent && inState.compareTo(settings.linkStartTimeout()) >= 0) {
                    LOG.info("FIAS: no LS from the PMS within {}; sending LS", settings.linkStartTimeout());
                    linkStartSent = true;
                    send(connection, FiasLinkRecords.linkStart(localNow()));
                } else if (inState.compareTo(settings.linkStartTimeout().multipliedBy(2)) >= 0) {
                    disconnect("no LS from the PMS", true);
                }
            }
            case HANDSHAKING -> {
                if (inState.compareTo(settings.linkStartTimeout()) >= 0) {
                    disconnect("no LA from the PMS after the handshake", true);
                }
            }
            case UP -> {
                if (inFlight != null && Duration.between(inFlight.sentAt(), now).compareTo(settings.postingAnswerTimeout()) >= 0) {
                    disconnect("no PA for P#" + inFlight.sequence() + " within " + settings.postingAnswerTimeout(), true);
                    return;
                }
                keepAlive(now);
            }
            default -> {}
        }
    }

    private void keepAlive(Instant now) {
        if (keepAliveSentAt != null) {
            if (Duration.between(keepAliveSentAt, now).compareTo(settings.keepAliveTimeout()) >= 0) {
                disconnect("no answer to the keep-alive within " + settings.keepAliveTimeout(), true);
            }
            return;
        }
        if (inFlight == null && Duration.between(lastSent, now).compareTo(settings.keepAliveInterval()) >= 0) {
            FiasRecord record = FiasLinkRecords.stamped(settings.keepAliveRecord(), localNow());
            if (send(connection, record)) {
                keepAliveSentAt = now;
            }
        }
    }

    private void enter(State next) {
        state = next;
        stateSince = clock.instant();
    }

    private LocalDateTime localNow() {
        return LocalDateTime.ofInstant(clock.instant(), zone).withNano(0);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private record Connection(int generation, Socket socket, OutputStream out) {}
}

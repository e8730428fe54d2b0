package io.switchboard.pms.fias;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Plays the PMS (IFC) side of a FIAS link, for tests and demos: a TCP server on 127.0.0.1.
 *
 * <ul>
 *   <li>On every connection it sends {@code LS}, then expects {@code LD}, the {@code LR}s and
 *       {@code LA}; it answers that {@code LA} with {@code LA} (the link is up) and every later
 *       {@code LA} (keep-alive) too. An {@code LS} from the client is answered with {@code LS}
 *       and restarts the handshake.
 *   <li>Every {@code PS} is answered with a {@code PA} echoing RN, P#, DA, TI, as scripted by
 *       {@link #replyToPostings}: OK at once (default), a status such as NG/UR, after a delay, not
 *       at all, or by dropping the link.
 *   <li>Everything received is recorded (thread-safe) and can be awaited without sleeping;
 *       protocol mistakes of the client (PS before the link is up, a second PS while one is
 *       outstanding, malformed records) are listed in {@link #protocolErrors()}.
 *   <li>Tests push records ({@link #send}), raw bytes ({@link #sendRaw}), {@code LE}, or drop the
 *       link ({@link #dropLink}). They go to the newest connection.
 * </ul>
 *
 * <p>Demo: {@code java -cp … io.switchboard.pms.fias.FiasPmsSimulator 5010 [charset]}; lines typed
 * on stdin are sent as records ({@code GI|RN2781|G#4711|GNMüller|GLGE|}), or the commands {@code
 * drop}, {@code le}, {@code ls}, {@code garbage}, {@code quit}.
 */
public final class FiasPmsSimulator implements AutoCloseable {

    /** How the simulator answers one PS. */
    public record PostingReply(Mode mode, String status, Duration delay) {

        public enum Mode {
            ANSWER,
            NO_ANSWER,
            BOOK_NO_ANSWER,
            DROP_LINK,
            BOOK_THEN_DROP_LINK
        }

        public static PostingReply ok() {
            return status(FiasPostingAnswer.OK);
        }

        public static PostingReply status(String status) {
            return new PostingReply(Mode.ANSWER, status, Duration.ZERO);
        }

        public static PostingReply delayed(Duration delay, String status) {
            return new PostingReply(Mode.ANSWER, status, delay);
        }

        public static PostingReply none() {
            return new PostingReply(Mode.NO_ANSWER, null, Duration.ZERO);
        }

        /** Book the posting but swallow its PA (never sent): the hub sees a PA timeout. */
        public static PostingReply bookWithoutAnswer() {
            return new PostingReply(Mode.BOOK_NO_ANSWER, FiasPostingAnswer.OK, Duration.ZERO);
        }

        /** Close the socket instead of answering: the posting is left without PA (and not booked). */
        public static PostingReply dropLink() {
            return new PostingReply(Mode.DROP_LINK, null, Duration.ZERO);
        }

        /** Book the posting, then close the socket before answering: the PA is lost. */
        public static PostingReply bookThenDropLink() {
            return new PostingReply(Mode.BOOK_THEN_DROP_LINK, FiasPostingAnswer.OK, Duration.ZERO);
        }
    }

    private enum LinkState {
        AWAITING_DESCRIPTION,
        DESCRIBING,
        UP
    }

    private final FiasCodec codec;
    private final int decimals;
    private final Clock clock;
    private final Object lock = new Object();
    private final List<FiasRecord> received = new ArrayList<>();
    private final List<FiasSkip> skips = new ArrayList<>();
    private final List<String> protocolErrors = new ArrayList<>();
    private final List<FiasLinkRecords.LinkRecord> linkRecords = new ArrayList<>();
    private final List<FiasPosting> booked = new ArrayList<>();
    private final List<Long> duplicates = new ArrayList<>();
    private final Deque<PostingReply> scriptedReplies = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("fias-sim-timer"));
    private volatile Consumer<String> log = line -> {};
    private volatile boolean accepting = true;
    private volatile boolean answeringLinkAlive = true;
    private volatile List<FiasRecord> resyncGuests;
    private PostingReply defaultReply = PostingReply.ok();
    private int connections;
    private int disconnections;
    private int handshakes;
    private Link current;
    private final List<Link> links = new ArrayList<>();
    private ServerSocket server;

    public FiasPmsSimulator(FiasCodec codec, int decimals, Clock clock) {
        this.codec = codec;
        this.decimals = decimals;
        this.clock = clock;
    }

    /** CP850, 2 decimals, system clock, a free port on 127.0.0.1. */
    public static FiasPmsSimulator started() {
        return new FiasPmsSimulator(FiasCodec.cp850(), 2, Clock.systemDefaultZone()).start(0);
    }

    public FiasPmsSimulator start(int port) {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        Thread acceptor = daemon("fias-sim-accept").newThread(this::acceptLoop);
        acceptor.start();
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Lines describing what happens (for the demo's console). */
    public FiasPmsSimulator onLog(Consumer<String> log) {
        this.log = log;
        return this;
    }

    // --- scripting -----------------------------------------------------------------------------

    /** The next PSs get these replies, in order; afterwards the default reply applies. */
    public FiasPmsSimulator replyToPostings(PostingReply... replies) {
        synchronized (lock) {
            scriptedReplies.addAll(List.of(replies));
        }
        return this;
    }

    /** While false, new connections are closed at once (the PMS is down); the port stays bound. */
    public FiasPmsSimulator acceptConnections(boolean accept) {
        this.accepting = accept;
        return this;
    }

    /** While false, LA keep-alives get no answer (a PMS that hangs without closing the socket). */
    public FiasPmsSimulator answerLinkAlive(boolean answer) {
        this.answeringLinkAlive = answer;
        return this;
    }

    /**
     * From now on a DR from the client is answered like a PMS's database resync: DS, these records
     * (one GI per occupied room, normally with the SF flag), DE. Without it a DR is only recorded.
     */
    public FiasPmsSimulator answerResyncWith(FiasRecord... guests) {
        this.resyncGuests = List.of(guests);
        return this;
    }

    public FiasPmsSimulator defaultPostingReply(PostingReply reply) {
        synchronized (lock) {
            defaultReply = reply;
        }
        return this;
    }

    /** Sends records to the newest connection. */
    public void send(FiasRecord... records) {
        Link link = requireLink();
        for (FiasRecord record : records) {
            link.write(codec.encode(record), record.toWire());
        }
    }

    /** Sends bytes as they are (garbage, half frames …) to the newest connection. */
    public void sendRaw(byte[] bytes) {
        requireLink().write(bytes, bytes.length + " raw bytes");
    }

    public void sendLinkStart() {
        Link link = requireLink();
        link.restartHandshake();
    }

    public void sendLinkEnd() {
        send(FiasLinkRecords.linkEnd(now()));
    }

    /** Closes the newest connection's socket (the client sees the stream end). */
    public void dropLink() {
        requireLink().close();
    }

    // --- observing -----------------------------------------------------------------------------

    public List<FiasRecord> received() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    public List<FiasRecord> received(String type) {
        return received().stream().filter(r -> r.is(type)).toList();
    }

    /** Waits until at least {@code count} records of {@code type} arrived; returns all of them. */
    public List<FiasRecord> awaitReceived(String type, int count, Duration timeout) {
        awaitCondition(() -> received.stream().filter(r -> r.is(type)).count() >= count, timeout,
                count + " " + type + " record(s)");
        return received(type);
    }

    /** Waits for the first received record matching {@code test}. */
    public FiasRecord awaitRecord(Predicate<FiasRecord> test, Duration timeout) {
        awaitCondition(() -> received.stream().anyMatch(test), timeout, "a matching record");
        return received().stream().filter(test).findFirst().orElseThrow();
    }

    /** Waits until {@code count} handshakes (LD, LR…, LA → LA) completed, over all connections. */
    public void awaitHandshakes(int count, Duration timeout) {
        awaitCondition(() -> handshakes >= count, timeout, count + " handshake(s)");
    }

    public void awaitConnections(int count, Duration timeout) {
        awaitCondition(() -> connections >= count, timeout, count + " connection(s)");
    }

    public void awaitDisconnections(int count, Duration timeout) {
        awaitCondition(() -> disconnections >= count, timeout, count + " closed connection(s)");
    }

    public void awaitSkips(int count, Duration timeout) {
        awaitCondition(() -> skips.size() >= count, timeout, count + " skipped byte run(s)");
    }

    public List<String> awaitProtocolErrors(int count, Duration timeout) {
        awaitCondition(() -> protocolErrors.size() >= count, timeout, count + " protocol error(s)");
        return protocolErrors();
    }

    /**
     * Postings the simulated PMS booked on a folio: each P# once. A PS repeating a booked P# (resent
     * after its PA was lost) is answered OK again but not booked twice, as a PMS does.
     */
    public List<FiasPosting> booked() {
        synchronized (lock) {
            return List.copyOf(booked);
        }
    }

    /** P#s received again after they were booked. */
    public List<Long> duplicatePostings() {
        synchronized (lock) {
            return List.copyOf(duplicates);
        }
    }

    public List<FiasPosting> awaitBooked(int count, Duration timeout) {
        awaitCondition(() -> booked.size() >= count, timeout, count + " booked posting(s)");
        return booked();
    }

    public List<FiasSkip> skips() {
        synchronized (lock) {
            return List.copyOf(skips);
        }
    }

    public List<String> protocolErrors() {
        synchronized (lock) {
            return List.copyOf(protocolErrors);
        }
    }

    /** The LRs of the latest handshake. */
    public List<FiasLinkRecords.LinkRecord> linkRecords() {
        synchronized (lock) {
            return List.copyOf(linkRecords);
        }
    }

    public int connections() {
        synchronized (lock) {
            return connections;
        }
    }

    public int handshakes() {
        synchronized (lock) {
            return handshakes;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        List<Link> open;
        synchronized (lock) {
            open = List.copyOf(links);
        }
        open.forEach(Link::close);
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // --- internals -----------------------------------------------------------------------------

    private interface Check {
        boolean holds();
    }

    private void awaitCondition(Check check, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!check.holds()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("FIAS simulator: no " + what + " within " + timeout + "; received "
                            + received + ", errors " + protocolErrors + ", skips " + skips);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }
    }

    private void update(Runnable change) {
        synchronized (lock) {
            change.run();
            lock.notifyAll();
        }
    }

    private Link requireLink() {
        synchronized (lock) {
            if (current == null) {
                throw new IllegalStateException("no client is connected to the FIAS simulator");
            }
            return current;
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (!accepting) {
                    socket.close();
                    log.accept("connection refused (PMS down)");
                    continue;
                }
                socket.setTcpNoDelay(true);
                Link link = new Link(socket);
                update(() -> {
                    connections++;
                    current = link;
                    links.add(link);
                });
                log.accept("client connected from " + socket.getRemoteSocketAddress());
                daemon("fias-sim-link").newThread(link::run).start();
            } catch (IOException e) {
                return; // server closed
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One client connection: its reader thread, handshake state and outstanding posting. */
    private final class Link {

        private final Socket socket;
        private final OutputStream out;
        private LinkState state = LinkState.AWAITING_DESCRIPTION;
        private Long outstanding;

        Link(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void run() {
            FiasFrameDecoder decoder = codec.newDecoder(skip -> {
                log.accept("skipped " + skip);
                update(() -> skips.add(skip));
            });
            restartHandshake();
            byte[] buffer = new byte[1024];
            try (InputStream in = socket.getInputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    for (FiasRecord record : decoder.feed(buffer, 0, n)) {
                        handle(record);
                    }
                }
            } catch (IOException e) {
                log.accept("link closed: " + e.getMessage());
            } finally {
                decoder.endOfStream();
                close();
                update(() -> {
                    disconnections++;
                    links.remove(this);
                });
                log.accept("client disconnected");
            }
        }

        synchronized void restartHandshake() {
            state = LinkState.AWAITING_DESCRIPTION;
            outstanding = null;
            FiasRecord ls = FiasLinkRecords.linkStart(now());
            write(codec.encode(ls), ls.toWire());
        }

        private synchronized void handle(FiasRecord record) {
            log.accept("<- " + record.toWire());
            update(() -> received.add(record));
            switch (record.type()) {
                case FiasCodes.LINK_START -> restartHandshake();
                case FiasCodes.LINK_DESCRIPTION -> onDescription();
                case FiasCodes.LINK_RECORD -> onLinkRecord(record);
                case FiasCodes.LINK_ALIVE -> onAlive();
                case FiasCodes.POSTING_SIMPLE -> onPosting(record);
                case FiasCodes.DATABASE_RESYNC_REQUEST -> onResyncRequest();
                default -> {
                    // recorded; tests assert on it
                }
            }
        }

        private void onDescription() {
            state = LinkState.DESCRIBING;
            update(linkRecords::clear);
        }

        private void onLinkRecord(FiasRecord record) {
            if (state != LinkState.DESCRIBING) {
                protocolError("LR outside the handshake (no LD before it)");
                return;
            }
            try {
                FiasLinkRecords.LinkRecord lr = FiasLinkRecords.LinkRecord.from(record);
                update(() -> linkRecords.add(lr));
            } catch (FiasFormatException e) {
                protocolError("bad LR: " + e.getMessage());
            }
        }

        private void onAlive() {
            if (state == LinkState.AWAITING_DESCRIPTION) {
                protocolError("LA before LD: handshake not done");
                return;
            }
            if (state == LinkState.DESCRIBING) {
                state = LinkState.UP;
                update(() -> handshakes++);
                log.accept("link is up");
            } else if (!answeringLinkAlive) {
                log.accept("keep-alive LA not answered (scripted)");
                return;
            }
            FiasRecord la = FiasLinkRecords.linkAlive(now());
            write(codec.encode(la), la.toWire());
        }

        private void onResyncRequest() {
            List<FiasRecord> guests = resyncGuests;
            if (guests == null) {
                return;
            }
            if (state != LinkState.UP) {
                protocolError("DR before the link is up");
                return;
            }
            List<FiasRecord> replay = new ArrayList<>();
            replay.add(FiasLinkRecords.stamped(FiasCodes.DATABASE_RESYNC_START, now()));
            replay.addAll(guests);
            replay.add(FiasLinkRecords.stamped(FiasCodes.DATABASE_RESYNC_END, now()));
            for (FiasRecord r : replay) {
                write(codec.encode(r), r.toWire());
            }
        }

        private void onPosting(FiasRecord ps) {
            if (state != LinkState.UP) {
                protocolError("PS before the link is up");
                return;
            }
            FiasPosting posting = null;
            try {
                posting = FiasPosting.from(ps, decimals);
            } catch (FiasFormatException e) {
                protocolError("bad PS: " + e.getMessage());
            }
            Long sequence = ps.nonEmpty(FiasCodes.POSTING_SEQUENCE).map(FiasPmsSimulator::parseSequence).orElse(null);
            if (outstanding != null) {
                protocolError("PS P#" + sequence + " sent while P#" + outstanding + " is still outstanding");
            }
            PostingReply reply = nextReply();
            if (posting != null && (reply.mode() == PostingReply.Mode.BOOK_THEN_DROP_LINK
                    || reply.mode() == PostingReply.Mode.BOOK_NO_ANSWER
                    || reply.mode() == PostingReply.Mode.ANSWER && FiasPostingAnswer.OK.equals(reply.status()))) {
                book(posting);
            }
            switch (reply.mode()) {
                case NO_ANSWER, BOOK_NO_ANSWER -> outstanding = sequence;
                case DROP_LINK, BOOK_THEN_DROP_LINK -> close();
                case ANSWER -> answer(ps, sequence, reply);
            }
        }

        private void book(FiasPosting posting) {
            update(() -> {
                if (booked.stream().anyMatch(b -> b.sequence() == posting.sequence())) {
                    duplicates.add(posting.sequence());
                } else {
                    booked.add(posting);
                }
            });
        }

        private void answer(FiasRecord ps, Long sequence, PostingReply reply) {
            FiasRecord pa = FiasRecord.builder(FiasCodes.POSTING_ANSWER)
                    .fieldIfPresent(FiasCodes.ROOM, ps.value(FiasCodes.ROOM).orElse(null))
                    .field(FiasCodes.ANSWER_STATUS, reply.status())
                    .fieldIfPresent(FiasCodes.POSTING_SEQUENCE, ps.value(FiasCodes.POSTING_SEQUENCE).orElse(null))
                    .fieldIfPresent(FiasCodes.DATE, ps.value(FiasCodes.DATE).orElse(null))
                    .fieldIfPresent(FiasCodes.TIME, ps.value(FiasCodes.TIME).orElse(null))
                    .build();
            if (reply.delay().isZero()) {
                write(codec.encode(pa), pa.toWire());
                return;
            }
            outstanding = sequence;
            scheduler.schedule(() -> answerLater(pa, sequence), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void answerLater(FiasRecord pa, Long sequence) {
            if (java.util.Objects.equals(outstanding, sequence)) {
                outstanding = null;
            }
            write(codec.encode(pa), pa.toWire());
        }

        private void protocolError(String message) {
            log.accept("protocol error: " + message);
            update(() -> protocolErrors.add(message));
        }

        void write(byte[] bytes, String what) {
            synchronized (out) {
                try {
                    out.write(bytes);
                    out.flush();
                    log.accept("-> " + what);
                } catch (IOException e) {
                    log.accept("could not send " + what + ": " + e.getMessage());
                }
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private PostingReply nextReply() {
        synchronized (lock) {
            PostingReply scripted = scriptedReplies.poll();
            return scripted != null ? scripted : defaultReply;
        }
    }

    private static Long parseSequence(String value) {
        return value.matches("[0-9]{1,18}") ? Long.valueOf(value) : null;
    }

    // --- demo ----------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5010;
        Charset charset = args.length > 1 ? Charset.forName(args[1]) : FiasCodec.CP850;
        FiasPmsSimulator simulator = new FiasPmsSimulator(FiasCodec.of(charset), 2, Clock.systemDefaultZone())
                .onLog(line -> System.out.println(line))
                .start(port);
        System.out.println("FIAS PMS simulator on 127.0.0.1:" + simulator.port() + " (" + charset.name()
                + "). Type a record (GI|RN2781|GNMüller|) or: drop, le, ls, garbage, quit");
        BufferedReader console = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        for (String line; (line = console.readLine()) != null; ) {
            try {
                if (!simulator.command(line.trim())) {
                    break;
                }
            } catch (RuntimeException e) {
                System.out.println("! " + e.getMessage());
            }
        }
        simulator.close();
    }

    private boolean command(String line) {
        switch (line) {
            case "" -> {}
            case "quit" -> {
                return false;
            }
            case "drop" -> dropLink();
            case "le" -> sendLinkEnd();
            case "ls" -> sendLinkStart();
            case "garbage" -> sendRaw(new byte[] {'x', 'y', '\r', '\n'});
            default -> send(FiasRecord.parse(line));
        }
        return true;
    }
}

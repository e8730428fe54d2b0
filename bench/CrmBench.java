import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CRM delivery benchmark, end to end: Telphin webhooks into the hub, ended calls out of it through
 * the signed webhook sink into a HubSpot-shaped stub that answers in STUB_DELAY_MS (this program).
 * {@code java bench/CrmBench.java HUB_BASE STUB_PORT STUB_DELAY_MS THROUGHPUT_CALLS LAG_RATE LAG_SECONDS}
 *
 * <p>The stub is {@code POST /crm/v3/objects/calls}: it answers 201 with a HubSpot-like object after
 * the delay and records, per call ({@code switchboard_vendor_call_id} in the body), when it answered.
 * With {@code BENCH_STUB_LOG} set, nginx is the stub (bench/crm.sh {@code BENCH_STUB=nginx}, no JVM
 * work per write) and this program reads the same facts from nginx's access log.
 * <ol>
 *   <li>Throughput: THROUGHPUT_CALLS calls ring (dial-in, not timed), then all hang up as fast as
 *       the hub acknowledges (64 in flight). CRM writes/s = calls / (last write − first hangup
 *       sent); also the write rate over the busiest middle 80 % of writes.
 *   <li>Lag: LAG_RATE calls/s end for LAG_SECONDS (open loop: each hangup is due at a fixed time and
 *       its lag is measured from that time, so a slow hub cannot hide behind late sends). Lag =
 *       CRM answered − hangup due, p50/p99/max.
 * </ol>
 * Prints BENCH lines; exits 1 on any non-2xx webhook answer, duplicate CRM write, or missing call.
 * The webhooks go out on 64 keep-alive connections through {@link Load}, a plain-socket client.
 */
public class CrmBench {

    static final String TOKEN = System.getenv().getOrDefault("TELPHIN_TOKEN", "demo-telphin-token-change-me");
    /** The call's vendor id in a CRM body, as sent or as nginx logs it ({@code escape=json}: {@code \"}). */
    static final Pattern VENDOR_ID = Pattern.compile("switchboard_vendor_call_id\\\\?\"\\s*:\\s*\\\\?\"([^\"\\\\]+)");

    static final Map<String, Long> answeredAtNs = new ConcurrentHashMap<>();
    static final AtomicLong writes = new AtomicLong();
    static final AtomicLong duplicates = new AtomicLong();
    static final AtomicLong nextId = new AtomicLong(1000);

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        int stubPort = Integer.parseInt(args[1]);
        long delayMs = Long.parseLong(args[2]);
        int throughputCalls = Integer.parseInt(args[3]);
        int lagRate = Integer.parseInt(args[4]);
        int lagSeconds = Integer.parseInt(args[5]);

        // BENCH_STUB_LOG: the stub is nginx (bench/crm.sh BENCH_STUB=nginx), whose access log this reads.
        String stubLog = System.getenv("BENCH_STUB_LOG");
        HttpServer stub = stubLog == null || stubLog.isBlank() ? stub(stubPort, delayMs) : null;
        if (stub == null) {
            tail(Path.of(stubLog));
        }
        URI base = URI.create(hub);
        Load client = new Load(base.getHost(), base.getPort(), 64);
        try {
            // PHASE lines tell bench/crm.sh's CPU sampler which run is going on (not BENCH lines: not results).
            System.out.println("PHASE throughput");
            throughput(client, hub, throughputCalls);
            System.out.println("PHASE lag");
            lag(client, hub, lagRate, lagSeconds);
            System.out.println("PHASE done");
        } finally {
            client.close();
            if (stub != null) {
                stub.stop(0);
            }
        }
        if (duplicates.get() > 0) {
            System.out.println("BENCH FAILED: " + duplicates.get() + " duplicate CRM writes");
            System.exit(1);
        }
        System.exit(0);
    }

    /** HubSpot-shaped stub: POST /crm/v3/objects/calls → 201 after delayMs. */
    static HttpServer stub(int port, long delayMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(128));
        server.createContext("/crm/v3/objects/calls", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delayMs)); // the CRM's own work
                Matcher m = VENDOR_ID.matcher(body);
                long id = nextId.incrementAndGet();
                reply(exchange, 201, "{\"id\":\"" + id + "\",\"properties\":{\"hs_object_id\":\"" + id
                        + "\"},\"createdAt\":\"2026-11-23T10:00:00.000Z\",\"archived\":false}");
                if (m.find() && answeredAtNs.putIfAbsent(m.group(1), System.nanoTime()) != null) {
                    duplicates.incrementAndGet();
                }
                writes.incrementAndGet();
            }
        });
        server.start();
        return server;
    }

    /**
     * Follows nginx's access log of the stub, one line per CRM write: {@code $msec $request_body}
     * (the time nginx finished answering, epoch seconds with milliseconds, then the body). Each line
     * counts as the stub's own answer above would; its time is moved onto this JVM's nanoTime clock.
     */
    static void tail(Path log) {
        long epochToNano = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;
        Thread tailer = new Thread(() -> {
            try (InputStream in = Files.newInputStream(log)) {
                in.skipNBytes(Files.size(log)); // the lines of earlier runs (warm-up rounds) are not this run's
                byte[] buf = new byte[1 << 16];
                StringBuilder pending = new StringBuilder();
                while (true) {
                    int n = in.read(buf);
                    if (n <= 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                        continue;
                    }
                    pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    int end;
                    while ((end = pending.indexOf("\n")) >= 0) {
                        String line = pending.substring(0, end);
                        pending.delete(0, end + 1);
                        int space = line.indexOf(' ');
                        if (space < 0) {
                            continue;
                        }
                        long epochMs = Math.round(Double.parseDouble(line.substring(0, space)) * 1000);
                        Matcher m = VENDOR_ID.matcher(line);
                        if (m.find() && answeredAtNs.putIfAbsent(m.group(1), epochMs * 1_000_000L + epochToNano) != null) {
                            duplicates.incrementAndGet();
                        }
                        writes.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                System.out.println("BENCH FAILED: cannot read the stub's log " + log + ": " + e);
                System.exit(1);
            }
        }, "stub-log");
        tailer.setDaemon(true);
        tailer.start();
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] telphin(String hub, String event, String callId, long eventTimeUs) {
        String query = "EventType=" + event + "&CallID=" + callId + "&SubCallID=" + callId + "-0001"
                + "&CallerIDNum=%2B7916" + callId.substring(callId.length() - 7) + "&CalledDID=%2B74951234567&CalledNumber=000*101"
                + "&CalledExtension=000*101%40sipproxy.telphin.ru&CalledExtensionID=176&CallFlow=in"
                + (event.equals("hangup") ? "&CallStatus=ANSWER&Duration=30000000" : "&CallStatus=CALLING")
                + "&EventTime=" + eventTimeUs;
        URI uri = URI.create(hub);
        return ("GET /webhooks/telphin/" + TOKEN + "?" + query + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUser-Agent: CrmBench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String callId(String phase, int i) {
        return String.format("%s%027d", phase, i);
    }

    /** Sends the requests, as many in flight as the load has connections (64); fails on any non-2xx. */
    static void sendAll(Load client, List<byte[]> requests) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(requests.size());
        long failedBefore = client.failed.get();
        for (byte[] r : requests) {
            client.submit(r, done::countDown);
        }
        done.await();
        long failed = client.failed.get() - failedBefore;
        if (failed > 0) {
            System.out.println("BENCH FAILED: " + failed + " webhook requests failed");
            System.exit(1);
        }
    }

    static void throughput(Load client, String hub, int calls) throws Exception {
        String phase = String.format("aa%05x", System.currentTimeMillis() / 100 % 0x100000); // one per run for ~29 h, fixed width
        long t0us = System.currentTimeMillis() * 1000;
        List<byte[]> rings = new ArrayList<>();
        List<byte[]> hangups = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            rings.add(telphin(hub, "dial-in", callId(phase, i), t0us + i));
            hangups.add(telphin(hub, "hangup", callId(phase, i), t0us + 60_000_000L + i));
        }
        sendAll(client, rings);
        awaitQuiet(hub, 30);
        long before = writes.get();
        long start = System.nanoTime();
        sendAll(client, hangups);
        long acked = System.nanoTime();
        long deadline = acked + TimeUnit.SECONDS.toNanos(90);
        while (countPhase(phase) < calls && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        int got = countPhase(phase);
        long[] times = answeredAtNs.entrySet().stream()
                .filter(e -> e.getKey().startsWith(phase))
                .mapToLong(Map.Entry::getValue)
                .sorted()
                .toArray();
        double seconds = (times[times.length - 1] - start) / 1e9;
        int lo = times.length / 10, hi = times.length - 1 - times.length / 10;
        double middle = (hi - lo) / ((times[hi] - times[lo]) / 1e9);
        // Writes after the last hangup was acknowledged: the backlog draining without new webhooks
        // competing for the CPU (meaningful when that backlog is large, see after_ack).
        long afterAck = Arrays.stream(times).filter(t -> t > acked).count();
        double drain = afterAck < 2 ? 0 : afterAck / ((times[times.length - 1] - acked) / 1e9);
        System.out.printf("BENCH crm-throughput calls=%d delivered=%d writes_per_s=%.0f middle80_writes_per_s=%.0f"
                        + " ingest_per_s=%.0f elapsed_s=%.1f after_ack=%d drain_writes_per_s=%.0f other_writes=%d%n",
                calls, got, got / seconds, middle, calls / ((acked - start) / 1e9), seconds, afterAck, drain,
                writes.get() - before - got);
        if (got < calls) {
            System.out.println("BENCH FAILED: " + (calls - got) + " calls not delivered within 90 s of the last hangup");
            System.exit(1);
        }
    }

    static void lag(Load client, String hub, int rate, int seconds) throws Exception {
        String phase = String.format("bb%05x", System.currentTimeMillis() / 100 % 0x100000);
        int calls = rate * seconds;
        long t0us = System.currentTimeMillis() * 1000;
        List<byte[]> rings = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            rings.add(telphin(hub, "dial-in", callId(phase, i), t0us + i));
        }
        sendAll(client, rings);
        awaitQuiet(hub, 30);
        long[] due = new long[calls];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long failedBefore = client.failed.get();
        for (int i = 0; i < calls; i++) {
            due[i] = start + (long) (i * 1e9 / rate);
            long wait = due[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            client.submit(telphin(hub, "hangup", callId(phase, i), t0us + 60_000_000L + i), () -> { });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (countPhase(phase) < calls && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        long[] lags = new long[calls];
        int n = 0;
        for (int i = 0; i < calls; i++) {
            Long at = answeredAtNs.get(callId(phase, i));
            if (at != null) {
                lags[n++] = at - due[i];
            }
        }
        long failed = client.failed.get() - failedBefore;
        lags = Arrays.copyOf(lags, n);
        Arrays.sort(lags);
        System.out.printf("BENCH crm-lag rate=%d seconds=%d calls=%d delivered=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                        + " webhook_failures=%d%n",
                rate, seconds, calls, n, ms(lags, 0.50), ms(lags, 0.99), n == 0 ? 0 : lags[n - 1] / 1e6, failed);
        if (n < calls || failed > 0) {
            System.out.println("BENCH FAILED: " + (calls - n) + " calls not delivered, " + failed + " webhooks failed");
            System.exit(1);
        }
    }

    static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static int countPhase(String phase) {
        int n = 0;
        for (String k : answeredAtNs.keySet()) {
            if (k.startsWith(phase)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Waits (at most maxSeconds) until the hub is idle: its inbox holds no untranslated request and
     * no CRM write came for a second. Ringing calls make no CRM write, so without the inbox check a
     * phase began while the rings it had just sent were still queued, and its first hang-ups waited
     * behind them: at 2,000 calls/s that put seconds of ring backlog into the lag (2026-12-07).
     */
    static void awaitQuiet(String hub, int maxSeconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long last = writes.get();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            long now = writes.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(1) && pendingInbox(hub) == 0) {
                return;
            }
        }
        throw new IllegalStateException("the hub was not idle within " + maxSeconds + " s (inbox rows pending: "
                + pendingInbox(hub) + ")");
    }

    private static final Pattern METRIC_VALUE = Pattern.compile("\"value\":([0-9.E+-]+)");

    /** The hub's switchboard.inbox.pending gauge. */
    static long pendingInbox(String hub) throws Exception {
        try (InputStream in = URI.create(hub + "/actuator/metrics/switchboard.inbox.pending").toURL().openStream()) {
            Matcher m = METRIC_VALUE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalStateException("no value in the hub's switchboard.inbox.pending");
            }
            return (long) Double.parseDouble(m.group(1));
        }
    }

    /**
     * The load generator's client: {@code connections} keep-alive HTTP/1.1 connections to the hub, each
     * with its own thread sending one request at a time from a shared queue, reading the status line,
     * the headers and a Content-Length or chunked body, and reconnecting when the server says
     * {@code Connection: close} (Tomcat does every 100 requests) or the connection was idle for 5 s.
     * Not {@code java.net.http.HttpClient}: with it this program took 0.87 of the two cores it shares
     * with the hub while sending 1,040 requests/s (2026-12-04, nginx as the stub), CPU the hub then
     * lacked. Any error or non-2xx answer counts in {@link #failed}; nothing is retried.
     */
    static final class Load {
        record Job(byte[] request, Runnable done) { }

        static final Job STOP = new Job(null, null);
        static final long IDLE_NS = TimeUnit.SECONDS.toNanos(5);

        final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        final AtomicLong failed = new AtomicLong();
        final List<Thread> threads = new ArrayList<>();
        final String host;
        final int port;

        Load(String host, int port, int connections) {
            this.host = host;
            this.port = port;
            for (int i = 0; i < connections; i++) {
                Thread t = new Thread(this::work, "load-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        void submit(byte[] request, Runnable done) {
            queue.add(new Job(request, done));
        }

        void close() throws InterruptedException {
            threads.forEach(t -> queue.add(STOP));
            for (Thread t : threads) {
                t.join(5000);
            }
        }

        private void work() {
            Socket socket = null;
            InputStream in = null;
            long lastUsed = 0;
            while (true) {
                Job job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (job == STOP) {
                    closeQuietly(socket);
                    return;
                }
                try {
                    if (socket != null && System.nanoTime() - lastUsed > IDLE_NS) {
                        closeQuietly(socket);
                        socket = null;
                    }
                    if (socket == null) {
                        socket = new Socket(host, port);
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        in = new BufferedInputStream(socket.getInputStream(), 8192);
                    }
                    socket.getOutputStream().write(job.request());
                    boolean keep = readResponse(in);
                    lastUsed = System.nanoTime();
                    if (!keep) {
                        closeQuietly(socket);
                        socket = null;
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                    closeQuietly(socket);
                    socket = null;
                } finally {
                    job.done().run();
                }
            }
        }

        /** Reads one response; counts a non-2xx in {@link #failed}; false if the connection must close. */
        private boolean readResponse(InputStream in) throws IOException {
            String status = line(in);
            if (status.length() < 12 || !status.startsWith("HTTP/1.") || status.charAt(9) != '2') {
                failed.incrementAndGet();
            }
            long length = -1;
            boolean chunked = false;
            boolean keep = true;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    keep = false;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                    skip(in, size);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(in, length);
            } else {
                return false; // body until close: not sent by the hub, but do not reuse the connection
            }
            return keep;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed mid-response");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        private static void skip(InputStream in, long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private static void closeQuietly(Socket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}

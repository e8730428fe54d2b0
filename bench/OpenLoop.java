import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Small bounded load client for the benchmark (wrk cannot hold a fixed rate):
 * {@code java bench/OpenLoop.java BASE_URL FILE RATE MAX_IN_FLIGHT}.
 *
 * <p>Sends every request of FILE (lines written by GenRequests.java) exactly once. RATE > 0:
 * open loop, request i is due at start + i/RATE whatever the hub's answers, and its latency is
 * measured from that due time (a late send counts against the hub: no coordinated omission).
 * RATE = 0: as fast as MAX_IN_FLIGHT concurrent requests allow (used to pre-load calls).
 * In open loop a request that would exceed MAX_IN_FLIGHT is sent late, not dropped. Prints one
 * BENCH line; exits 1 if any answer was not 2xx or any request failed.
 */
public class OpenLoop {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        double rate = Double.parseDouble(args[2]);
        int maxInFlight = Integer.parseInt(args[3]);
        int n = lines.size();
        HttpRequest[] requests = new HttpRequest[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split("\t", 5);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + f[1])).timeout(Duration.ofSeconds(30));
            if (!f[2].equals("-")) {
                b.header("Content-Type", f[2]);
            }
            if (!f[3].equals("-")) {
                int colon = f[3].indexOf(':');
                b.header(f[3].substring(0, colon), f[3].substring(colon + 1).trim());
            }
            b.method(f[0], f[4].equals("-")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(f[4], StandardCharsets.UTF_8));
            requests[i] = b.build();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(pool)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long[] latencyNs = new long[n];
        AtomicLong ok = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch finished = new CountDownLatch(n);
        long intervalNs = rate > 0 ? (long) (1e9 / rate) : 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * intervalNs;
            if (rate > 0) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            inFlight.acquire();
            long from = rate > 0 ? due : System.nanoTime();
            final int k = i;
            client.sendAsync(requests[i], HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
                latencyNs[k] = System.nanoTime() - from;
                if (err != null) {
                    failed.incrementAndGet();
                } else if (resp.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    if (non2xx.incrementAndGet() <= 3) {
                        System.err.println("non-2xx " + resp.statusCode() + " for " + lines.get(k).split("\t")[1]);
                    }
                }
                inFlight.release();
                finished.countDown();
            });
        }
        boolean all = finished.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencyNs, n);
        Arrays.sort(sorted);
        System.out.printf("BENCH requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f"
                        + " non2xx=%d failed=%d unfinished=%d target_rate=%.0f%n",
                n, seconds, n / seconds, pct(sorted, 50), pct(sorted, 99), sorted[n - 1] / 1e6,
                non2xx.get(), failed.get(), all ? 0 : finished.getCount(), rate);
        pool.shutdownNow();
        System.exit(non2xx.get() == 0 && failed.get() == 0 && all ? 0 : 1);
    }

    static double pct(long[] sorted, double p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, idx)] / 1e6;
    }
}

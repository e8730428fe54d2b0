package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hub running as its own JVM, for the tests that must kill, restart or launch it the way users
 * do ({@link LauncherIT}, {@code DeliveryCrashIT}). {@link #start} waits until
 * {@code /actuator/health} answers 200; its output goes to a log file whose tail every failure
 * message carries. {@link #close} kills whatever is still running, so a try-with-resources or an
 * {@code @AfterEach} never leaves a hub behind.
 */
public final class ChildHub implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildHub(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A TCP port free at the moment of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts {@code builder} with its output (stdout and stderr) in {@code log} and waits up to
     * {@code timeout} for {@code http://127.0.0.1:port/actuator/health} to answer 200. If the hub
     * exits or is not ready in time it is killed and an AssertionError carries the log's tail.
     */
    public static ChildHub start(ProcessBuilder builder, int port, Path log, Duration timeout) throws IOException {
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildHub hub = new ChildHub(process, log);
        String health = "http://127.0.0.1:" + port + "/actuator/health";
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("hub exited with " + process.exitValue());
                }
                return status(health) == 200;
            });
        } catch (RuntimeException e) {
            hub.kill();
            throw new AssertionError("hub did not start: " + hub.tail(), e);
        }
        return hub;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, and an assertion that the hub exited within {@code timeout}. */
    public void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("hub stopped: %s", tail()).isTrue();
    }

    /** Everything the hub has written so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    /** The last 40 lines of the hub's output, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

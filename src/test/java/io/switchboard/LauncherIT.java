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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * {@code bin/switchboard}, the documented production launch, on the packaged jar (failsafe runs after
 * {@code package}): a first start records the class archive when the hub stops (SIGTERM), a second
 * start maps it. The second start runs with the JVM told to fail rather than start without the
 * archive ({@code -Xshare:on} on JDK 17-24, {@code -XX:AOTMode=on} for the AOT cache of JDK 25+),
 * so "ready" proves the archive was used. Runs for the JVM running the tests and for every JDK 25+
 * under {@code /usr/lib/jvm} (the AOT cache path); each start uses the shipped defaults in a fresh
 * working directory.
 */
class LauncherIT {

    private static final Path JAR = Path.of("target/switchboard-0.1.0-SNAPSHOT.jar");

    @TempDir
    Path dir;

    private Process hub;

    @AfterEach
    void stopHub() throws InterruptedException {
        if (hub != null && hub.isAlive()) {
            hub.destroyForcibly().waitFor();
        }
    }

    @TestFactory
    Stream<DynamicTest> recordsTheArchiveOnceThenStartsFromIt() throws IOException {
        List<Path> javas = new ArrayList<>();
        javas.add(Path.of(ProcessHandle.current().info().command().orElseThrow()));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                installed.map(p -> p.resolve("bin/java")).filter(Files::isExecutable)
                        .filter(java -> featureVersion(java) >= 25)
                        .sorted().limit(1).forEach(javas::add);
            }
        }
        return javas.stream().map(java -> DynamicTest.dynamicTest("JDK " + featureVersion(java) + " (" + java + ")", () -> {
            try {
                recordThenUse(java);
            } finally {
                stopHub(); // @AfterEach runs once per factory, not per dynamic test
            }
        }));
    }

    private void recordThenUse(Path java) throws Exception {
        assertThat(JAR).as("the packaged jar (mvn package)").isRegularFile();
        int feature = featureVersion(java);
        Path work = Files.createDirectories(dir.resolve("jdk" + feature));
        for (String folder : List.of("config", "routes", "connectors")) {
            FileSystemUtils.copyRecursively(Path.of(folder), work.resolve(folder));
        }
        Path app = work.resolve(".switchboard-app");
        Path archive = app.resolve(feature >= 25 ? "app.aot" : "app.jsa");

        hub = launch(java, work, "-Xmx256m", "first.log");
        assertThat(Files.readString(work.resolve("first.log"))).contains("switchboard: recording the");
        stop(work, "first.log");
        assertThat(archive).as("archive written when the hub stopped").isNotEmptyFile();
        assertThat(app.resolve("switchboard-0.1.0-SNAPSHOT.jar")).as("the extracted jar").isRegularFile();

        String strict = feature >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
        hub = launch(java, work, "-Xmx256m " + strict, "second.log");
        String second = Files.readString(work.resolve("second.log"));
        assertThat(second).doesNotContain("switchboard: recording the").contains("Started SwitchboardApplication");
        stop(work, "second.log");
    }

    private Process launch(Path java, Path work, String javaOpts, String log) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of("bin/switchboard").toAbsolutePath().toString(),
                JAR.toAbsolutePath().toString(), "--server.port=" + port)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile());
        builder.environment().put("JAVA", java.toString());
        builder.environment().put("JAVA_OPTS", javaOpts);
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("hub exited");
                }
                return status("http://127.0.0.1:" + port + "/actuator/health") == 200;
            });
        } catch (RuntimeException e) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("hub did not start with " + javaOpts + ": " + tail(work.resolve(log)), e);
        }
        return process;
    }

    /** SIGTERM (bin/switchboard execs java, so this is the JVM) and a clean exit within 120 s. */
    private void stop(Path work, String log) throws Exception {
        hub.destroy();
        assertThat(hub.waitFor(120, TimeUnit.SECONDS)).as("hub stopped: %s", tail(work.resolve(log))).isTrue();
    }

    private static int featureVersion(Path java) {
        try {
            Process version = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes());
            version.waitFor();
            Matcher m = Pattern.compile("version \"(\\d+)").matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
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

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

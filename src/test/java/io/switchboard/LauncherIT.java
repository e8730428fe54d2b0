package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** A JDK and its feature version, read once from {@code java -version}. */
    private record Jdk(Path java, int feature) {

        static Jdk of(Path java) {
            return new Jdk(java, featureVersion(java));
        }

        @Override
        public String toString() {
            return "JDK " + feature + " (" + java + ")";
        }
    }

    @TempDir
    Path dir;

    private ChildHub hub;

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> recordsTheArchiveOnceThenStartsFromIt() throws IOException {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(Jdk.of(Path.of(ProcessHandle.current().info().command().orElseThrow())));
        firstInstalledFrom25().ifPresent(jdks::add);
        return jdks.stream().map(jdk -> DynamicTest.dynamicTest(jdk.toString(), () -> {
            try {
                recordThenUse(jdk);
            } finally {
                stopHub(); // @AfterEach runs once per factory, not per dynamic test
            }
        }));
    }

    /** The first JDK 25+ under /usr/lib/jvm in name order; {@code java -version} runs once per JDK, until one is found. */
    private static Optional<Jdk> firstInstalledFrom25() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> installed = Files.list(jvms)) {
            return installed.map(p -> p.resolve("bin/java")).filter(Files::isExecutable).sorted()
                    .map(Jdk::of).filter(jdk -> jdk.feature() >= 25).findFirst();
        }
    }

    private void recordThenUse(Jdk jdk) throws Exception {
        assertThat(JAR).as("the packaged jar (mvn package)").isRegularFile();
        Path work = Files.createDirectories(dir.resolve("jdk" + jdk.feature()));
        for (String folder : List.of("config", "routes", "connectors")) {
            FileSystemUtils.copyRecursively(Path.of(folder), work.resolve(folder));
        }
        Path app = work.resolve(".switchboard-app");
        Path archive = app.resolve(jdk.feature() >= 25 ? "app.aot" : "app.jsa");

        int port = ChildHub.freePort();
        hub = launch(jdk, work, "-Xmx256m", "first.log", port);
        assertThat(hub.output()).contains("switchboard: recording the");
        assertThat(memoryPools(port)).as("the script's default collector: parallel").contains("PS Old Gen");
        hub.stop(Duration.ofSeconds(120));
        assertThat(archive).as("archive written when the hub stopped").isNotEmptyFile();
        assertThat(app.resolve("switchboard-0.1.0-SNAPSHOT.jar")).as("the extracted jar").isRegularFile();

        // A collector named in JAVA_OPTS replaces the script's, and the archive recorded under the
        // other collector still serves (the strict flag makes the JVM refuse to start without it).
        String strict = jdk.feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on";
        port = ChildHub.freePort();
        hub = launch(jdk, work, "-Xmx256m -XX:+UseG1GC " + strict, "second.log", port);
        assertThat(hub.output()).doesNotContain("switchboard: recording the").contains("Started SwitchboardApplication");
        assertThat(memoryPools(port)).as("the collector JAVA_OPTS names").contains("G1 Old Gen").doesNotContain("PS Old Gen");
        hub.stop(Duration.ofSeconds(120));
    }

    /** bin/switchboard execs java, so the SIGTERM of {@link ChildHub#stop} reaches the JVM. */
    private static ChildHub launch(Jdk jdk, Path work, String javaOpts, String log, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of("bin/switchboard").toAbsolutePath().toString(),
                JAR.toAbsolutePath().toString(), "--server.port=" + port)
                .directory(work.toFile());
        builder.environment().put("JAVA", jdk.java().toString());
        builder.environment().put("JAVA_OPTS", javaOpts);
        return ChildHub.start(builder, port, work.resolve(log), Duration.ofSeconds(120));
    }

    /** The JVM's memory pools as the hub's metrics name them (their names tell the collector). */
    private static String memoryPools(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/metrics/jvm.memory.used")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
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
}

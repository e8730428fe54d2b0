package io.switchboard.pms.fias;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain-socket PBX-side client for simulator tests: a reader thread feeds a queue of records. */
final class FiasTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final LocalDateTime NOW = LocalDateTime.of(2025, 1, 15, 12, 35, 45);

    private final FiasCodec codec;
    private final Socket socket;
    private final OutputStream out;
    private final LinkedBlockingQueue<FiasRecord> inbox = new LinkedBlockingQueue<>();
    private final List<FiasSkip> skips = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    FiasTestClient(FiasCodec codec, int port) throws IOException {
        this.codec = codec;
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "fias-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Reads until the simulator closes the link. It must not close the socket itself: the test
     * thread may still be writing (a PS the simulator answers by dropping the link can end this
     * loop between the test's write and its flush); only {@link #close()} closes the socket.
     */
    private void readLoop() {
        FiasFrameDecoder decoder = codec.newDecoder(skips::add);
        byte[] buffer = new byte[512];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                inbox.addAll(decoder.feed(buffer, 0, n));
            }
        } catch (IOException e) {
            // closed
        } finally {
            decoder.endOfStream();
            closed.countDown();
        }
    }

    void send(FiasRecord... records) throws IOException {
        for (FiasRecord record : records) {
            sendRaw(codec.encode(record));
        }
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next record from the simulator; fails after {@link #WAIT}. */
    FiasRecord next() throws InterruptedException {
        FiasRecord record = inbox.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(record).as("a record from the simulator within " + WAIT).isNotNull();
        return record;
    }

    FiasRecord next(String type) throws InterruptedException {
        FiasRecord record = next();
        assertThat(record.type()).as("record " + record).isEqualTo(type);
        return record;
    }

    /** LS from the simulator, then LD, LR for PS and PA, LA; returns the simulator's LA. */
    FiasRecord handshake() throws Exception {
        next(FiasCodes.LINK_START);
        return answerLinkStart();
    }

    FiasRecord answerLinkStart() throws Exception {
        send(FiasLinkRecords.handshake(NOW, "1.0", Map.of(
                        "PS", List.of("RN", "PT", "TA", "DD", "DU", "DA", "TI", "P#")))
                .toArray(FiasRecord[]::new));
        return next(FiasCodes.LINK_ALIVE);
    }

    boolean awaitClosed() throws InterruptedException {
        return closed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean hasPending() {
        return !inbox.isEmpty();
    }

    List<FiasSkip> skips() {
        return skips;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

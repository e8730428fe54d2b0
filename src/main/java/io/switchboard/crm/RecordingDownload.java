package io.switchboard.crm;

import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a call recording from the phone vendor's URL into a temporary file, streamed (never the
 * whole file in memory) and bounded by a size limit, so a CRM connector can upload it.
 *
 * <ul>
 *   <li>larger than {@code maxBytes} (by {@code Content-Length} or while streaming), or answered
 *       with a 4xx other than 408/429 (expired or private link): empty, logged at WARN; the link in the
 *       activity's notes is what remains;
 *   <li>408, 429, 5xx, timeout, unreachable: a retryable {@link VendorApiException} (vendor
 *       {@code recording}), so the delivery tries again later.
 * </ul>
 * URLs are logged without their query string (signed links carry tokens there).
 */
public final class RecordingDownload {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingDownload.class);
    static final String VENDOR = "recording";

    private final HttpClient client;
    private final long maxBytes;
    private final Duration timeout;

    public RecordingDownload(long maxBytes, Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** A downloaded recording; closing it deletes the file. */
    public record Recording(Path file, String fileName, String contentType, long size) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not delete {}", file, e);
            }
        }
    }

    public Optional<Recording> fetch(String url) {
        URI uri = URI.create(url);
        String shown = withoutQuery(url);
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw failure(Kind.TIMEOUT, 0, "no answer from " + shown + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw failure(Kind.UNREACHABLE, 0, shown + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(Kind.UNREACHABLE, 0, "interrupted", null);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 408 || status == 429 || status >= 500) {
                throw failure(status == 429 ? Kind.RATE_LIMITED : Kind.UNAVAILABLE, status, shown + " answered " + status, null);
            }
            if (status >= 300) {
                LOG.warn("Recording {} not uploaded: HTTP {} (the link stays in the notes)", shown, status);
                return Optional.empty();
            }
            long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > maxBytes) {
                LOG.warn("Recording {} not uploaded: {} bytes, more than the limit of {} (the link stays in the notes)",
                        shown, announced, maxBytes);
                return Optional.empty();
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("audio/mpeg");
            return copy(body, shown, fileName(uri), contentType);
        } catch (IOException e) {
            throw failure(Kind.UNREACHABLE, 0, "reading " + shown + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private Optional<Recording> copy(InputStream body, String shown, String fileName, String contentType) throws IOException {
        Path file = Files.createTempFile("switchboard-recording-", ".part");
        long size = 0;
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    LOG.warn("Recording {} not uploaded: more than the limit of {} bytes (the link stays in the notes)",
                            shown, maxBytes);
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
            kept = true;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
        return Optional.of(new Recording(file, fileName, contentType.split(";")[0].strip(), size));
    }

    public static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "recording.mp3" : last;
    }

    public static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static VendorApiException failure(Kind kind, int status, String detail, Throwable cause) {
        return VendorApiException.of(VENDOR, "GET recording", kind).httpStatus(status).detail(detail).cause(cause).build();
    }
}

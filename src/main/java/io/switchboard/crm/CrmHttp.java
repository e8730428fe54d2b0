package io.switchboard.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpResponse;
import io.switchboard.vendor.api.VendorHttpSettings;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer of one CRM connector: {@link VendorHttp} (timeouts, no automatic retries, errors as
 * {@link VendorApiException} with vendor id = the CRM), a single retry after a 401 when the
 * credentials could be renewed, and dry-run mode.
 *
 * <p>Dry run: requests are not sent. Each one is logged at INFO with credentials masked and kept
 * until {@link #drainDryRun()} on the same thread (one delivery); the caller's canned answer stands in for the CRM's (searches find
 * nothing, creations return the id {@code dry-run}).
 */
public final class CrmHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrmHttp.class);

    /**
     * Keep-alive connections per CRM host: one sink serves a call source with up to 32 deliveries
     * in flight (HttpClient's default of 5 made the others wait for a connection). Opened on demand.
     */
    static final int MAX_CONNECTIONS = 32;

    private final String crm;
    private final VendorHttp http;
    private final boolean dryRun;
    /**
     * Dry-run requests of the delivery running on this thread. A sink instance is shared by every
     * delivery of its subscription (concurrency &gt; 1 runs several at once, each on one worker
     * thread from start to end), so the recording is per thread: each delivery lists exactly its
     * own requests.
     */
    private final ThreadLocal<List<CrmRequest>> dryRunRequests = ThreadLocal.withInitial(ArrayList::new);

    public CrmHttp(String crm, VendorHttpSettings settings, Clock clock, boolean dryRun) {
        this.crm = crm;
        this.http = new VendorHttp(crm, settings, clock, MAX_CONNECTIONS);
        this.dryRun = dryRun;
    }

    public String crm() {
        return crm;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Sends the request {@code build} makes from the API root, authenticated by {@code auth}; after a
     * 401 the credentials are renewed and a fresh copy is sent exactly once more.
     *
     * @param dryRunAnswer the JSON that stands in for the CRM's answer in dry-run mode
     * @return the parsed answer ({@link NullNode} for an empty 2xx body)
     * @throws VendorApiException on any non-2xx answer (kind from the status, Retry-After kept) or unreadable 2xx
     */
    public JsonNode call(CrmAuth auth, Function<URI, CrmRequest> build, String dryRunAnswer) {
        CrmRequest request = auth.sign(build.apply(auth.baseUrl()));
        VendorHttpResponse response = send(request, dryRunAnswer);
        if (response.status() == 401 && auth.renew(request)) {
            request = auth.sign(build.apply(auth.baseUrl()));
            response = send(request, dryRunAnswer);
        }
        return read(request.operation(), response);
    }

    /** Sends one request as it is (no authentication added); dry-run mode applies. */
    public VendorHttpResponse send(CrmRequest request, String dryRunAnswer) {
        if (dryRun) {
            String text = request.describe();
            LOG.debug("{} dry run, not sent:\n{}", crm, text);
            dryRunRequests.get().add(request);
            return new VendorHttpResponse(200, dryRunAnswer == null ? "{}" : dryRunAnswer, Optional.empty());
        }
        return http.send(request.toHttp(), request.operation());
    }

    /**
     * Sends a {@code multipart/form-data} request with one file part ({@code field}, streamed from
     * {@code file}), authenticated by {@code auth}. Not for dry-run mode (there is no file then:
     * record a {@link #call} describing the upload instead).
     */
    public JsonNode upload(CrmAuth auth, Function<URI, CrmRequest> build, String field, RecordingDownload.Recording file) {
        CrmRequest request = auth.sign(build.apply(auth.baseUrl()));
        HttpUriRequestBase multipart = request.toHttp();
        multipart.setEntity(MultipartEntityBuilder.create()
                .addBinaryBody(field, file.file().toFile(), ContentType.parse(file.contentType()), file.fileName())
                .build());
        return read(request.operation(), http.send(multipart, request.operation()));
    }

    /** Reads a 2xx JSON answer, or throws the failure its status means. */
    public JsonNode read(String operation, VendorHttpResponse response) {
        if (!response.successful()) {
            throw CrmJson.withVendorError(http.statusFailure(operation, response), response.body()).build();
        }
        if (response.body() == null || response.body().isBlank()) {
            return NullNode.getInstance();
        }
        return CrmJson.parse(response.body()).orElseThrow(() -> malformed(operation, response.status(), "the answer is not JSON"));
    }

    public VendorApiException malformed(String operation, int status, String detail) {
        return VendorApiException.of(crm, operation, Kind.MALFORMED_RESPONSE).httpStatus(status).detail(detail).build();
    }

    /** The requests dry-run mode recorded on this thread since its last call, oldest first. */
    public List<CrmRequest> drainDryRun() {
        List<CrmRequest> recorded = dryRunRequests.get();
        List<CrmRequest> out = List.copyOf(recorded);
        dryRunRequests.remove();
        return out;
    }

    @Override
    public void close() {
        http.close();
    }
}

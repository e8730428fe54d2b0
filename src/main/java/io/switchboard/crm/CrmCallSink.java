package io.switchboard.crm;

import io.switchboard.crm.CrmCallWriter.Activity;
import io.switchboard.crm.CrmRecords.Kind;
import io.switchboard.crm.MatchingPolicy.Ambiguity;
import io.switchboard.feed.FeedHeaders;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorHttpSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow every CRM sink Kamelet runs for one delivery of the call source: one CRM activity per
 * call, idempotent by the hub call id.
 *
 * <ol>
 *   <li>Reads the canonical call from the body. Calls that have not ended are ignored unless
 *       {@code createOnRing} (then the activity is created on ring and updated on end).
 *   <li>Looks up the other party per the matching policy (number variants, object priority,
 *       ambiguity choice, exclusions, create-once) and the owner per the agent mapping.
 *   <li>Finds the activity already written for (connectorId, hub call id) in the journal
 *       ({@code crm_records}) or, where the CRM can tell and an earlier attempt sent a create whose
 *       answer the hub never read ({@link Kind#CREATE_SENT}), in the CRM; updates it, else creates it
 *       and remembers its id. A retry or a replay therefore patches the same record, and the first
 *       attempt of a call costs no search request.
 *   <li>For a missed inbound call, optionally creates one follow-up task for the owner.
 * </ol>
 *
 * <p>Failures are {@link io.switchboard.vendor.api.VendorApiException}s: the call source retries the
 * retryable ones (429/502/503/504 with their Retry-After, timeouts, and a 500 for the first
 * {@code serverErrorAttempts - 1} attempts: {@link ServerErrorRetry}) and dead-letters the others. The bean's
 * properties are the Kamelet's parameters; it is thread-safe.
 *
 * <p>Headers set: {@code SwitchboardCrmRecordId}, {@code SwitchboardCrmMatch}, and in dry-run mode
 * {@code SwitchboardCrmDryRunRequests} (the requests that would have been sent).
 */
public abstract class CrmCallSink implements Processor, AutoCloseable {

    public static final String RECORD_ID_HEADER = "SwitchboardCrmRecordId";
    public static final String MATCH_HEADER = "SwitchboardCrmMatch";
    public static final String DRY_RUN_HEADER = "SwitchboardCrmDryRunRequests";

    private static final Logger LOG = LoggerFactory.getLogger(CrmCallSink.class);

    private String connectorId;
    private boolean dryRun;
    private boolean createOnRing;
    private String numberVariants = "E164,NATIONAL";
    private int lastDigits = 9;
    private String objectPriority = "";
    private String ambiguity = "FLAG";
    private String excludedNumbers = "";
    private String defaultRegion = "FR";
    private boolean createContact;
    private int createdContactMemoryMinutes = 60;
    private String agentOwners = "";
    private String fallbackOwner = "";
    private boolean missedCallTask;
    private int connectTimeout = 5000;
    private int readTimeout = 15000;
    private int serverErrorAttempts = 5;
    private CrmRecords records;
    private Clock clock = Clock.systemUTC();

    private volatile Engine engine;

    /** What one sink instance runs with, built on the first message from the properties. */
    private record Engine(CrmHttp http, CrmCallWriter writer, ContactMatcher matcher, AgentMapping agents) {}

    /** The CRM's id: {@code hubspot}, {@code salesforce}, {@code pipedrive}, {@code zoho}. */
    protected abstract String crm();

    /** Object types the CRM can be searched by (the allowed values of objectPriority). */
    protected abstract List<String> objectTypes();

    /** Object priority when none is configured. */
    protected abstract List<String> defaultObjectPriority();

    /** Creates the CRM writer from this bean's CRM-specific properties. */
    protected abstract CrmCallWriter writer(CrmHttp http);

    @Override
    public void process(Exchange exchange) {
        try {
            deliver(exchange);
        } catch (VendorApiException e) {
            // Only the call source retries: a delivery from elsewhere (no attempt header) keeps the CRM's kind.
            Integer attempt = exchange.getMessage().getHeader(FeedHeaders.ATTEMPT, Integer.class);
            throw attempt == null ? e : ServerErrorRetry.apply(e, attempt, serverErrorAttempts);
        }
    }

    private void deliver(Exchange exchange) {
        CallFacts call = CallFacts.parse(exchange.getMessage().getBody(String.class));
        Engine e = engine(exchange.getContext());
        if (!call.ended() && !(createOnRing && e.writer().canUpdate())) {
            LOG.debug("CRM connector '{}' ignores call {} in state {}", connectorId, call.callId(), call.call().state());
            return;
        }
        e.http().drainDryRun();
        ContactMatch match = e.matcher().match(call, e.writer(), call.ended() && !dryRun);
        Activity activity = new Activity(call, match, e.agents().ownerFor(call.call().agent()));
        String recordId = writeCall(e, activity);
        if (call.ended() && call.call().recordingUrl() != null && e.writer().attachesRecordings()) {
            attachRecording(e, activity, recordId);
        }
        if (call.ended() && call.missedInbound() && missedCallTask) {
            writeFollowUp(e, activity);
        }
        exchange.getMessage().setHeader(RECORD_ID_HEADER, recordId);
        exchange.getMessage().setHeader(MATCH_HEADER, match.status().name());
        if (dryRun) {
            // Listed at GET /api/v1/dry-runs with the generic sinks' would-be requests.
            DryRunRecorder recorder = DryRunRecorder.in(exchange.getContext());
            List<CrmRequest> requests = e.http().drainDryRun();
            requests.forEach(r -> recorder.record(exchange, crm(), r.method(), r.uri().toString(), r.headers(), r.body()));
            exchange.getMessage().setHeader(DRY_RUN_HEADER, requests.stream().map(CrmRequest::describe).toList());
        }
    }

    private String writeCall(Engine e, Activity activity) {
        String callId = activity.call().callId();
        Optional<String> known = records().recordId(connectorId, callId, Kind.CALL);
        boolean marked = known.isEmpty() && e.writer().findsExisting()
                && records().recordId(connectorId, callId, Kind.CREATE_SENT).isPresent();
        if (marked) {
            // An earlier attempt sent the create; the CRM may have written it without the hub learning its id.
            known = e.writer().findExisting(activity.call());
        }
        String recordId;
        if (known.isPresent()) {
            recordId = known.get();
            if (e.writer().canUpdate()) {
                e.writer().update(recordId, activity);
            } else if (!marked) {
                LOG.debug("CRM connector '{}': call {} already logged as {}", connectorId, callId, recordId);
                return recordId;
            } // else found after a lost answer (Pipedrive): only the journal has to learn it
        } else {
            boolean markedBefore = marked;
            if (!dryRun && e.writer().findsExisting()) {
                records().remember(connectorId, callId, Kind.CREATE_SENT, crm(), "sent"); // committed before the create
                marked = true;
            }
            recordId = createOrForgetMark(e, activity, marked && !markedBefore);
        }
        if (!dryRun) {
            if (marked) {
                records().rememberInPlaceOfMark(connectorId, callId, crm(), recordId);
            } else {
                records().remember(connectorId, callId, Kind.CALL, crm(), recordId);
            }
        }
        LOG.info("CRM connector '{}' logged call {} as {} {} (match {})", connectorId, callId, crm(), recordId,
                activity.match().status());
        return recordId;
    }

    /**
     * Creates the activity. When the CRM refused the create with a 4xx answer (429, 401/403, another
     * 4xx), nothing was written, so the mark this attempt committed is dropped: the next attempt then
     * sends the create without searching first (a Pipedrive search reads pages of call logs, which a
     * rate-limited account can least afford). A mark left by an earlier attempt stays: that attempt's
     * create may be in the CRM and not yet in its search index.
     */
    private String createOrForgetMark(Engine e, Activity activity, boolean markedNow) {
        try {
            return e.writer().create(activity);
        } catch (VendorApiException failure) {
            if (markedNow && refusedBeforeWriting(failure)) {
                records().forgetMark(connectorId, activity.call().callId());
            }
            throw failure;
        }
    }

    private static boolean refusedBeforeWriting(VendorApiException failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED, AUTHENTICATION, REJECTED -> true;
            default -> false;
        };
    }

    /** Uploads the recording file once per call (kept in {@code crm_records} as RECORDING); a retry after a failed upload tries again. */
    private void attachRecording(Engine e, Activity activity, String recordId) {
        String callId = activity.call().callId();
        if (records().recordId(connectorId, callId, Kind.RECORDING).isPresent()) {
            return;
        }
        if (e.writer().attachRecording(recordId, activity) && !dryRun) {
            records().remember(connectorId, callId, Kind.RECORDING, crm(), recordId);
        }
    }

    private void writeFollowUp(Engine e, Activity activity) {
        String callId = activity.call().callId();
        if (records().recordId(connectorId, callId, Kind.FOLLOW_UP).isPresent()) {
            return;
        }
        String taskId = e.writer().createFollowUp(activity);
        if (!dryRun) {
            records().remember(connectorId, callId, Kind.FOLLOW_UP, crm(), taskId);
        }
    }

    private Engine engine(CamelContext camel) {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = start(camel);
                    engine = e;
                }
            }
        }
        return e;
    }

    private Engine start(CamelContext camel) {
        CrmAuth.requireText(connectorId, "connectorId");
        if (records == null && camel != null) {
            records = camel.getRegistry().findSingleByType(CrmRecords.class);
        }
        if (records == null) {
            throw new IllegalStateException("CRM connector '" + connectorId + "': no CrmRecords journal in the registry");
        }
        MatchingPolicy policy = new MatchingPolicy(
                NumberVariants.parse(numberVariants),
                lastDigits,
                MatchingPolicy.objects(objectPriority, objectTypes(), defaultObjectPriority()),
                Ambiguity.parse(ambiguity),
                NumberVariants.toE164Set(excludedNumbers, defaultRegion),
                createContact,
                Duration.ofMinutes(createdContactMemoryMinutes));
        CrmHttp http = new CrmHttp(crm(), new VendorHttpSettings(Duration.ofMillis(connectTimeout),
                Duration.ofMillis(readTimeout)), clock, dryRun);
        return new Engine(http, writer(http), new ContactMatcher(connectorId, policy, records),
                AgentMapping.parse(agentOwners, fallbackOwner));
    }

    private CrmRecords records() {
        return records;
    }

    protected Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        Engine e = engine;
        if (e != null) {
            e.writer().close();
            e.http().close();
        }
    }

    // --- Kamelet parameters (bean properties) ---------------------------------------------------

    public void setConnectorId(String connectorId) { this.connectorId = connectorId; }
    public String getConnectorId() { return connectorId; }
    public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }
    public void setCreateOnRing(boolean createOnRing) { this.createOnRing = createOnRing; }
    public void setNumberVariants(String numberVariants) { this.numberVariants = numberVariants; }
    public void setLastDigits(int lastDigits) { this.lastDigits = lastDigits; }
    public void setObjectPriority(String objectPriority) { this.objectPriority = objectPriority; }
    public void setAmbiguity(String ambiguity) { this.ambiguity = ambiguity; }
    public void setExcludedNumbers(String excludedNumbers) { this.excludedNumbers = excludedNumbers; }
    public void setDefaultRegion(String defaultRegion) { this.defaultRegion = defaultRegion; }
    public void setCreateContact(boolean createContact) { this.createContact = createContact; }
    public void setCreatedContactMemoryMinutes(int minutes) { this.createdContactMemoryMinutes = minutes; }
    public void setAgentOwners(String agentOwners) { this.agentOwners = agentOwners; }
    public void setFallbackOwner(String fallbackOwner) { this.fallbackOwner = fallbackOwner; }
    public void setMissedCallTask(boolean missedCallTask) { this.missedCallTask = missedCallTask; }
    public void setConnectTimeout(int connectTimeout) { this.connectTimeout = connectTimeout; }
    public void setReadTimeout(int readTimeout) { this.readTimeout = readTimeout; }
    /** Attempts a CRM's HTTP 500 may take before the delivery is DEAD (1 = never retried); see {@link ServerErrorRetry}. */
    public void setServerErrorAttempts(int serverErrorAttempts) { this.serverErrorAttempts = serverErrorAttempts; }
    /** The journal; found in the Camel registry when not set. */
    public void setRecords(CrmRecords records) { this.records = records; }
    /** For tests. */
    public void setClock(Clock clock) { this.clock = clock; }
}

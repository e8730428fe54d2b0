package io.switchboard.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.crm.CallFacts;
import io.switchboard.crm.CrmAuth;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.CrmJson;
import io.switchboard.crm.CrmRequest;
import io.switchboard.crm.RecordingDownload;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipedrive API v1, authenticated by {@code api_token} (query parameter, masked everywhere) or an
 * OAuth2 bearer token:
 * <ul>
 *   <li>{@code POST /v1/callLogs}: one call log per call; call logs cannot be updated, so a replay of
 *       a call already logged sends nothing;
 *   <li>{@code GET /v1/callLogs?start=…&limit=50}, only after a create whose answer was lost: up to
 *       {@code lostLogScan} call logs are read for the one whose note carries the hub call id;
 *   <li>{@code GET /v1/persons/search?term=…&fields=phone&exact_match=true}, one request per number
 *       spelling (and {@code exact_match=false} for the last digits);
 *   <li>{@code POST /v1/persons} for unknown callers, {@code POST /v1/activities} for follow-ups;
 *   <li>with {@code uploadRecording}, {@code POST /v1/callLogs/{id}/recordings} (multipart, part
 *       {@code file}) with the audio fetched from the call's {@code recordingUrl}.
 * </ul>
 */
final class PipedriveCallLogWriter implements CrmCallWriter {

    private static final String CREATED_LOG = "{\"success\":true,\"data\":{\"id\":\"dry-run\"}}";
    private static final String CREATED = "{\"success\":true,\"data\":{\"id\":0}}";
    private static final String NO_ITEMS = "{\"success\":true,\"data\":{\"items\":[]}}";
    private static final String NO_LOGS = "{\"success\":true,\"data\":[]}";
    private static final Logger LOG = LoggerFactory.getLogger(PipedriveCallLogWriter.class);

    private static final String UPLOADED = "{\"success\":true}";
    /** Pipedrive's largest page of call logs. */
    static final int PAGE = 50;
    /** The line {@link io.switchboard.crm.CallFacts#notes()} ends with, before the hub call id. */
    private static final String CALL_ID_LINE = "Switchboard call id: ";

    private final CrmHttp http;
    private final CrmAuth auth;
    /** Null: recordings are not uploaded (the link in the note is all). */
    private final RecordingDownload recordings;
    /** How many call logs a search after a lost answer reads at most; 0: no search (and no marks). */
    private final int lostLogScan;
    /** Organization of each person seen in a search, to fill {@code org_id}. */
    private final Map<String, String> organizations = new ConcurrentHashMap<>();

    PipedriveCallLogWriter(CrmHttp http, CrmAuth auth, int lostLogScan) {
        this(http, auth, null, lostLogScan);
    }

    PipedriveCallLogWriter(CrmHttp http, CrmAuth auth, RecordingDownload recordings, int lostLogScan) {
        this.http = http;
        this.auth = auth;
        this.recordings = recordings;
        this.lostLogScan = lostLogScan;
    }

    @Override
    public boolean findsExisting() {
        return lostLogScan > 0;
    }

    /**
     * The call log of this call among the first {@code lostLogScan} that {@code GET /v1/callLogs}
     * lists, found by the {@code Switchboard call id: <id>} line of its note (Pipedrive cannot search
     * call logs, so the pages are read in order, 50 at a time, until the log is found, the list ends
     * or the limit is reached). Pipedrive lists the call logs assigned to the token's user, so a log
     * written for another {@code user_id} (agentOwners) is not seen.
     */
    @Override
    public Optional<String> findExisting(CallFacts call) {
        if (!findsExisting()) {
            return Optional.empty();
        }
        int start = 0;
        while (start < lostLogScan) {
            int limit = Math.min(PAGE, lostLogScan - start);
            String path = "/v1/callLogs?start=" + start + "&limit=" + limit;
            JsonNode answer = success("GET /v1/callLogs", http.call(auth, base -> CrmRequest.get(resolve(base, path)), NO_LOGS));
            JsonNode logs = answer.path("data");
            if (!logs.isArray() && !logs.isNull() && !logs.isMissingNode()) {
                throw http.malformed("GET /v1/callLogs", 200, "data is not a list of call logs");
            }
            for (JsonNode log : logs) {
                if (carriesCallId(log.path("note").asText(""), call.callId())) {
                    return Optional.of(CrmJson.text(log.get("id"))
                            .orElseThrow(() -> http.malformed("GET /v1/callLogs", 200, "a call log without id")));
                }
            }
            JsonNode pagination = answer.path("additional_data").path("pagination");
            if (logs.size() == 0 || !pagination.path("more_items_in_collection").asBoolean(false)) {
                return Optional.empty();
            }
            start = pagination.path("next_start").canConvertToInt() && pagination.path("next_start").asInt() > start
                    ? pagination.path("next_start").asInt()
                    : start + logs.size();
        }
        LOG.warn("Pipedrive: call {} is not among the {} call logs read (lostLogScan) after its create's answer was lost;"
                + " logging it again, which duplicates it if that create was stored", call.callId(), lostLogScan);
        return Optional.empty();
    }

    /** Whether a note (plain or Pipedrive's HTML) holds {@code Switchboard call id: <callId>}, the id whole. */
    static boolean carriesCallId(String note, String callId) {
        String line = CALL_ID_LINE + callId;
        for (int at = note.indexOf(line); at >= 0; at = note.indexOf(line, at + 1)) {
            int end = at + line.length();
            if (end == note.length() || !isIdChar(note.charAt(end))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    @Override
    public boolean attachesRecordings() {
        return recordings != null;
    }

    /**
     * {@code POST /v1/callLogs/{id}/recordings}, multipart with the audio in the part {@code file},
     * streamed from the vendor's recording URL. A 409 (the call log already has a recording) counts
     * as attached. Dry run: the upload is recorded, nothing is downloaded.
     */
    @Override
    public boolean attachRecording(String recordId, Activity activity) {
        String url = activity.call().call().recordingUrl();
        String path = "/v1/callLogs/" + URLEncoder.encode(recordId, StandardCharsets.UTF_8) + "/recordings";
        if (http.dryRun()) {
            String part = "file=" + RecordingDownload.fileName(URI.create(url)) + " (multipart/form-data, streamed from "
                    + RecordingDownload.withoutQuery(url) + ")";
            http.call(auth, base -> new CrmRequest("POST", resolve(base, path), Map.of(), part, "multipart/form-data"), UPLOADED);
            return true;
        }
        Optional<RecordingDownload.Recording> fetched = recordings.fetch(url);
        if (fetched.isEmpty()) {
            return false;
        }
        try (RecordingDownload.Recording recording = fetched.get()) {
            success("POST /v1/callLogs/{id}/recordings",
                    http.upload(auth, base -> CrmRequest.json("POST", resolve(base, path), null), "file", recording));
            return true;
        } catch (VendorApiException e) {
            if (e.httpStatus() == 409) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public String create(Activity activity) {
        CrmContact person = activity.match().first("person");
        ObjectNode log = PipedriveCallLogMapper.callLog(activity, person == null ? null : organizations.get(person.id()));
        return createdId("/v1/callLogs", log, CREATED_LOG);
    }

    @Override
    public boolean canUpdate() {
        return false;
    }

    @Override
    public void update(String recordId, Activity activity) {
        throw new UnsupportedOperationException("Pipedrive call logs cannot be updated");
    }

    @Override
    public String createFollowUp(Activity activity) {
        return createdId("/v1/activities", PipedriveCallLogMapper.followUp(activity), CREATED);
    }

    @Override
    public List<CrmContact> find(String objectType, List<String> exact, Optional<String> lastDigits) {
        Map<String, CrmContact> found = new LinkedHashMap<>();
        for (String term : exact) {
            search(term, true, found);
        }
        lastDigits.ifPresent(digits -> search(digits, false, found));
        return new ArrayList<>(found.values());
    }

    private void search(String term, boolean exactMatch, Map<String, CrmContact> found) {
        String path = "/v1/persons/search?term=" + URLEncoder.encode(term, StandardCharsets.UTF_8)
                + "&fields=phone&exact_match=" + exactMatch;
        JsonNode answer = success("GET /v1/persons/search",
                http.call(auth, base -> CrmRequest.get(resolve(base, path)), NO_ITEMS));
        JsonNode items = answer.path("data").path("items");
        if (!items.isArray()) {
            throw http.malformed("GET /v1/persons/search", 200, "no data.items in the search answer");
        }
        for (JsonNode entry : items) {
            JsonNode item = entry.path("item");
            String id = CrmJson.text(item.get("id"))
                    .orElseThrow(() -> http.malformed("GET /v1/persons/search", 200, "a person without id"));
            CrmJson.text(item.path("organization").get("id")).ifPresent(org -> organizations.put(id, org));
            found.putIfAbsent(id, new CrmContact("person", id, CrmJson.text(item.path("owner").get("id")).orElse(null)));
        }
    }

    @Override
    public boolean canCreate(String objectType) {
        return "person".equals(objectType);
    }

    @Override
    public CrmContact create(String objectType, String e164, CallFacts call) {
        ObjectNode person = CrmJson.object();
        person.put("name", "Unknown caller " + e164);
        person.putArray("phone").addObject().put("value", e164).put("primary", true).put("label", "work");
        return new CrmContact("person", createdId("/v1/persons", person, CREATED), null);
    }

    private String createdId(String path, ObjectNode body, String dryRunAnswer) {
        String operation = "POST " + path;
        JsonNode answer = success(operation,
                http.call(auth, base -> CrmRequest.json("POST", resolve(base, path), CrmJson.write(body)), dryRunAnswer));
        return CrmJson.text(answer.path("data").get("id")).orElseThrow(() -> http.malformed(operation, 201, "no data.id"));
    }

    /** Pipedrive also answers 200 with {@code success:false}: that is a rejection. */
    private JsonNode success(String operation, JsonNode answer) {
        if (answer.path("success").isBoolean() && !answer.path("success").asBoolean()) {
            throw CrmJson.withVendorError(VendorApiException.of(http.crm(), operation, Kind.REJECTED).httpStatus(200),
                            CrmJson.write(answer))
                    .build();
        }
        if (!answer.isObject()) {
            throw http.malformed(operation, 200, "the answer is not a JSON object");
        }
        return answer;
    }

    private static URI resolve(URI base, String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    @Override
    public void close() {}
}

package io.switchboard.crm.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.crm.CallFacts;
import io.switchboard.crm.CrmAuth;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.CrmJson;
import io.switchboard.crm.CrmRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Salesforce REST API with the OAuth2 refresh-token flow:
 * <ul>
 *   <li>with an External ID field: {@code PATCH /services/data/vNN.0/sobjects/Task/{field}/{hub call id}}
 *       (upsert: creates once, updates after), so retries and replays never duplicate;
 *   <li>without: {@code POST .../sobjects/Task}, {@code PATCH .../sobjects/Task/{id}}, and a SOQL query on
 *       {@code CallObject} to find a Task written just before a crash;
 *   <li>SOSL {@code FIND {"v1" OR "v2"} IN PHONE FIELDS RETURNING Contact(Id,OwnerId)} per object type;
 *   <li>{@code POST .../sobjects/Contact|Lead} for unknown callers.
 * </ul>
 */
final class SalesforceTaskWriter implements CrmCallWriter {

    private static final String CREATED = "{\"id\":\"dry-run\",\"success\":true,\"errors\":[],\"created\":true}";
    private static final Map<String, String> OBJECTS = Map.of("contact", "Contact", "lead", "Lead", "account", "Account");
    /** SOSL reserved characters, escaped with a backslash. */
    private static final String SOSL_RESERVED = "?&|!{}[]()^~*:\\\"'+-";

    private final CrmHttp http;
    private final CrmAuth auth;
    private final String apiVersion;
    private final String externalIdField;
    private final String recordingField;
    private final ZoneId zone;

    SalesforceTaskWriter(CrmHttp http, CrmAuth auth, String apiVersion, String externalIdField, String recordingField,
            ZoneId zone) {
        this.http = http;
        this.auth = auth;
        this.apiVersion = apiVersion;
        this.externalIdField = blankToNull(externalIdField);
        this.recordingField = blankToNull(recordingField);
        this.zone = zone;
    }

    private String data(String rest) {
        return "/services/data/" + apiVersion + rest;
    }

    /** With an External ID every write is an upsert on it: nothing to find first. */
    @Override
    public boolean findsExisting() {
        return externalIdField == null;
    }

    @Override
    public Optional<String> findExisting(CallFacts call) {
        if (!findsExisting()) {
            return Optional.empty();
        }
        String soql = "SELECT Id FROM Task WHERE CallObject = '" + call.callId().replace("'", "\\'") + "' LIMIT 1";
        JsonNode answer = get(data("/query?q=" + encode(soql)), "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        JsonNode records = answer.path("records");
        if (!records.isArray()) {
            throw http.malformed("GET " + data("/query"), 200, "no records array in the query answer");
        }
        return records.isEmpty() ? Optional.empty() : CrmJson.text(records.get(0).get("Id"));
    }

    @Override
    public String create(Activity activity) {
        ObjectNode task = SalesforceTaskMapper.task(activity, zone, recordingField);
        if (externalIdField != null) {
            return upsert(activity.call().callId(), task);
        }
        return createdId(data("/sobjects/Task"), task);
    }

    @Override
    public void update(String recordId, Activity activity) {
        ObjectNode task = SalesforceTaskMapper.task(activity, zone, recordingField);
        if (externalIdField != null) {
            upsert(activity.call().callId(), task);
            return;
        }
        String path = data("/sobjects/Task/" + recordId);
        http.call(auth, base -> CrmRequest.json("PATCH", base.resolve(path), CrmJson.write(task)), null);
    }

    @Override
    public String createFollowUp(Activity activity) {
        ObjectNode task = SalesforceTaskMapper.followUp(activity, zone);
        if (externalIdField != null) {
            return upsert(activity.call().callId() + "-follow-up", task);
        }
        return createdId(data("/sobjects/Task"), task);
    }

    /**
     * {@code PATCH .../sobjects/Task/{externalIdField}/{value}}: 201 created, 200 updated (both with
     * the id), or 204 updated without a body (API versions before 46.0): then the record is named by
     * its external id.
     */
    private String upsert(String externalId, ObjectNode task) {
        String path = data("/sobjects/Task/" + externalIdField + "/" + encode(externalId));
        JsonNode answer = http.call(auth, base -> CrmRequest.json("PATCH", base.resolve(path), CrmJson.write(task)), CREATED);
        if (answer.isNull()) {
            return externalIdField + "/" + externalId;
        }
        return CrmJson.text(answer.get("id"))
                .orElseThrow(() -> http.malformed("PATCH " + path, 200, "no id in the upsert answer"));
    }

    @Override
    public List<CrmContact> find(String objectType, List<String> exact, Optional<String> lastDigits) {
        String object = OBJECTS.get(objectType);
        String terms = exact.stream().map(v -> "\"" + escape(v) + "\"").collect(Collectors.joining(" OR "));
        String sosl = "FIND {" + terms + "} IN PHONE FIELDS RETURNING " + object + "(Id,OwnerId)";
        String path = data("/search/");
        JsonNode answer = get(path + "?q=" + encode(sosl), "{\"searchRecords\":[]}");
        JsonNode records = answer.isArray() ? answer : answer.path("searchRecords");
        if (!records.isArray()) {
            throw http.malformed("GET " + path, 200, "no searchRecords in the search answer");
        }
        Map<String, CrmContact> found = new LinkedHashMap<>();
        for (JsonNode r : records) {
            String type = r.path("attributes").path("type").asText(object);
            if (!type.equals(object)) {
                continue;
            }
            String id = CrmJson.text(r.get("Id")).orElseThrow(() -> http.malformed("GET " + path, 200, "a record without Id"));
            found.putIfAbsent(id, new CrmContact(objectType, id, CrmJson.text(r.get("OwnerId")).orElse(null)));
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public boolean canCreate(String objectType) {
        return "contact".equals(objectType) || "lead".equals(objectType);
    }

    @Override
    public CrmContact create(String objectType, String e164, CallFacts call) {
        ObjectNode record = CrmJson.object();
        record.put("LastName", "Unknown caller " + e164);
        record.put("Phone", e164);
        if ("lead".equals(objectType)) {
            record.put("Company", "Unknown");
            record.put("LeadSource", "Phone Inquiry");
        }
        String object = OBJECTS.get(objectType);
        return new CrmContact(objectType, createdId(data("/sobjects/" + object), record), null);
    }

    private String createdId(String path, ObjectNode body) {
        JsonNode answer = http.call(auth, base -> CrmRequest.json("POST", base.resolve(path), CrmJson.write(body)), CREATED);
        return CrmJson.text(answer.get("id")).orElseThrow(() -> http.malformed("POST " + path, 201, "no id in the answer"));
    }

    private JsonNode get(String pathAndQuery, String dryRunAnswer) {
        return http.call(auth, base -> CrmRequest.get(URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery)),
                dryRunAnswer);
    }

    static String escape(String term) {
        StringBuilder out = new StringBuilder();
        for (char c : term.toCharArray()) {
            if (SOSL_RESERVED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public void close() {}

    static String objectName(String objectType) {
        return OBJECTS.get(objectType.toLowerCase(Locale.ROOT));
    }
}

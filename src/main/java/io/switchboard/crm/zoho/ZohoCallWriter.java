package io.switchboard.crm.zoho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.crm.CallFacts;
import io.switchboard.crm.CrmAuth;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.CrmJson;
import io.switchboard.crm.CrmRequest;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zoho CRM REST API v2+ ({@code /crm/{version}/…}) with the OAuth2 refresh-token flow
 * ({@code Authorization: Zoho-oauthtoken …}):
 * <ul>
 *   <li>{@code GET /crm/{v}/Calls/search?criteria=(<callIdField>:equals:<hub call id>)} before a
 *       create that follows a create whose answer was lost (204 = none): finds a record written
 *       before a crash, a read timeout or a 500 whose write did happen;
 *   <li>{@code POST /crm/{v}/Calls} then {@code PUT /crm/{v}/Calls/{id}}, body {@code {"data":[record]}};
 *   <li>{@code GET /crm/{v}/{Contacts|Leads|Accounts}/search?phone=…} per number spelling (204 = none);
 *   <li>{@code POST /crm/{v}/Contacts|Leads} for unknown callers, {@code POST /crm/{v}/Tasks} for follow-ups.
 * </ul>
 * A record-level error ({@code data[0].status = "error"}) is a rejection even inside a 2xx answer.
 */
final class ZohoCallWriter implements CrmCallWriter {

    private static final String CREATED =
            "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"dry-run\"},\"message\":\"record added\",\"status\":\"success\"}]}";
    private static final Map<String, String> MODULES = Map.of("contact", "Contacts", "lead", "Leads", "account", "Accounts");

    private final CrmHttp http;
    private final CrmAuth auth;
    private final String version;
    private final ZoneId zone;
    private final String callIdField;

    /** {@code callIdField}: API name of the Calls custom field holding the hub call id; blank: none. */
    ZohoCallWriter(CrmHttp http, CrmAuth auth, String version, ZoneId zone, String callIdField) {
        this.http = http;
        this.auth = auth;
        this.version = version;
        this.zone = zone;
        this.callIdField = callIdField == null || callIdField.isBlank() ? null : callIdField.strip();
    }

    private String crm(String rest) {
        return "/crm/" + version + rest;
    }

    @Override
    public boolean findsExisting() {
        return callIdField != null;
    }

    /**
     * The Calls record carrying this hub call id in {@code callIdField}. Zoho's search index can lag
     * behind a create by seconds, so a retry sooner than that may still miss it; the call source's
     * backoff (1 s, doubling) makes that rare.
     */
    @Override
    public Optional<String> findExisting(CallFacts call) {
        if (!findsExisting()) {
            return Optional.empty();
        }
        String criteria = "(" + callIdField + ":equals:" + criteriaValue(call.callId()) + ")";
        List<JsonNode> records = search("/Calls", "criteria=" + URLEncoder.encode(criteria, StandardCharsets.UTF_8));
        return records.isEmpty() ? Optional.empty() : Optional.of(id(records.get(0), "/Calls"));
    }

    /** Zoho's criteria syntax: parentheses and commas in a value are escaped with a backslash. */
    static String criteriaValue(String value) {
        return value.replace("(", "\\(").replace(")", "\\)").replace(",", "\\,");
    }

    /** {@code GET /crm/{v}{module}/search?{query}}: the records found, none on 204 No Content. */
    private List<JsonNode> search(String module, String query) {
        String path = crm(module + "/search?" + query);
        JsonNode answer = http.call(auth, base -> CrmRequest.get(resolve(base, path)), "");
        if (answer.isNull()) {
            return List.of();
        }
        JsonNode data = answer.path("data");
        if (!data.isArray()) {
            throw http.malformed(searchOperation(module), 200, "no data array in the search answer");
        }
        List<JsonNode> records = new ArrayList<>(data.size());
        data.forEach(records::add);
        return records;
    }

    private String id(JsonNode record, String module) {
        return CrmJson.text(record.get("id")).orElseThrow(() -> http.malformed(searchOperation(module), 200, "a record without id"));
    }

    private String searchOperation(String module) {
        return "GET " + crm(module + "/search");
    }

    @Override
    public String create(Activity activity) {
        return write("POST", crm("/Calls"), ZohoCallMapper.call(activity, zone, callIdField));
    }

    @Override
    public void update(String recordId, Activity activity) {
        write("PUT", crm("/Calls/" + recordId), ZohoCallMapper.call(activity, zone, callIdField));
    }

    @Override
    public String createFollowUp(Activity activity) {
        return write("POST", crm("/Tasks"), ZohoCallMapper.followUp(activity, zone));
    }

    @Override
    public List<CrmContact> find(String objectType, List<String> exact, Optional<String> lastDigits) {
        String module = MODULES.get(objectType);
        Map<String, CrmContact> found = new LinkedHashMap<>();
        for (String term : exact) {
            for (JsonNode r : search("/" + module, "phone=" + URLEncoder.encode(term, StandardCharsets.UTF_8))) {
                String id = id(r, "/" + module);
                found.putIfAbsent(id, new CrmContact(objectType, id, CrmJson.text(r.path("Owner").get("id")).orElse(null)));
            }
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
        record.put("Last_Name", "Unknown caller " + e164);
        record.put("Phone", e164);
        if ("lead".equals(objectType)) {
            record.put("Company", "Unknown");
            record.put("Lead_Source", "Cold Call");
        }
        return new CrmContact(objectType, write("POST", crm("/" + MODULES.get(objectType)), record), null);
    }

    /** Sends {@code {"data":[record]}}; returns {@code data[0].details.id}. */
    private String write(String method, String path, ObjectNode record) {
        ObjectNode body = CrmJson.object();
        body.putArray("data").add(record);
        String operation = method + " " + path;
        JsonNode answer = http.call(auth, base -> CrmRequest.json(method, resolve(base, path), CrmJson.write(body)), CREATED);
        JsonNode first = answer.path("data").path(0);
        if (!first.isObject()) {
            throw http.malformed(operation, 200, "no data[0] in the answer");
        }
        if ("error".equalsIgnoreCase(first.path("status").asText())) {
            throw CrmJson.withVendorError(VendorApiException.of(http.crm(), operation, Kind.REJECTED).httpStatus(200),
                            CrmJson.write(answer))
                    .build();
        }
        return CrmJson.text(first.path("details").get("id"))
                .orElseThrow(() -> http.malformed(operation, 200, "no data[0].details.id in the answer"));
    }

    private static URI resolve(URI base, String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    @Override
    public void close() {}
}

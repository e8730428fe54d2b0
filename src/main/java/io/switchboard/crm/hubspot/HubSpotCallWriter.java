package io.switchboard.crm.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.crm.CallFacts;
import io.switchboard.crm.CrmAuth;
import io.switchboard.crm.CrmCallWriter;
import io.switchboard.crm.CrmContact;
import io.switchboard.crm.CrmHttp;
import io.switchboard.crm.CrmJson;
import io.switchboard.crm.CrmRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot CRM v3/v4 with a private-app access token ({@code Authorization: Bearer}):
 * <ul>
 *   <li>{@code POST /crm/v3/objects/calls} with inline associations (194 call→contact, 182 call→company);
 *   <li>{@code PATCH /crm/v3/objects/calls/{id}} then {@code PUT /crm/v4/objects/calls/{id}/associations/default/{type}/{toId}};
 *   <li>{@code POST /crm/v3/objects/calls/search} on the hub-call-id property to find a call written before a crash;
 *   <li>{@code POST /crm/v3/objects/{contacts|companies}/search}: phone (and mobilephone) IN the exact
 *       variants, CONTAINS_TOKEN {@code *<last digits>};
 *   <li>{@code POST /crm/v3/objects/contacts} and {@code /tasks}.
 * </ul>
 */
final class HubSpotCallWriter implements CrmCallWriter {

    static final String DRY_RUN_ID = "dry-run";
    private static final String CREATED = "{\"id\":\"" + DRY_RUN_ID + "\"}";
    private static final String NO_RESULTS = "{\"total\":0,\"results\":[]}";
    private static final Map<String, String> PATHS = Map.of("contact", "contacts", "company", "companies");
    private static final Map<String, List<String>> PHONE_PROPERTIES =
            Map.of("contact", List.of("phone", "mobilephone"), "company", List.of("phone"));

    private final CrmHttp http;
    private final CrmAuth auth;
    private final String callIdProperty;

    HubSpotCallWriter(CrmHttp http, URI baseUrl, String accessToken, String callIdProperty) {
        this.http = http;
        this.auth = CrmAuth.header(baseUrl, "Bearer", accessToken);
        this.callIdProperty = callIdProperty;
    }

    @Override
    public boolean findsExisting() {
        return callIdProperty != null && !callIdProperty.isBlank();
    }

    @Override
    public Optional<String> findExisting(CallFacts call) {
        if (!findsExisting()) {
            return Optional.empty();
        }
        ObjectNode body = CrmJson.object();
        body.putArray("filterGroups").addObject().putArray("filters").addObject()
                .put("propertyName", callIdProperty)
                .put("operator", "EQ")
                .put("value", call.callId());
        body.putArray("properties").add(callIdProperty);
        body.put("limit", 1);
        JsonNode answer = post("/crm/v3/objects/calls/search", body, NO_RESULTS);
        return ids(answer, "/crm/v3/objects/calls/search").stream().findFirst();
    }

    @Override
    public String create(Activity activity) {
        return createdId("/crm/v3/objects/calls", HubSpotCallMapper.createCall(activity, callIdProperty));
    }

    @Override
    public void update(String recordId, Activity activity) {
        ObjectNode body = CrmJson.object();
        body.set("properties", HubSpotCallMapper.callProperties(activity, callIdProperty));
        String path = "/crm/v3/objects/calls/" + recordId;
        http.call(auth, base -> CrmRequest.json("PATCH", base.resolve(path), CrmJson.write(body)), CREATED);
        for (CrmContact linked : activity.match().linked()) {
            String assoc = "/crm/v4/objects/calls/" + recordId + "/associations/default/" + PATHS.get(linked.objectType())
                    + "/" + linked.id();
            http.call(auth, base -> CrmRequest.json("PUT", base.resolve(assoc), null), "{}");
        }
    }

    @Override
    public String createFollowUp(Activity activity) {
        return createdId("/crm/v3/objects/tasks", HubSpotCallMapper.followUpTask(activity));
    }

    @Override
    public List<CrmContact> find(String objectType, List<String> exact, Optional<String> lastDigits) {
        ObjectNode body = CrmJson.object();
        ArrayNode groups = body.putArray("filterGroups");
        List<String> phoneProperties = PHONE_PROPERTIES.get(objectType);
        for (String property : phoneProperties) {
            ObjectNode filter = groups.addObject().putArray("filters").addObject()
                    .put("propertyName", property)
                    .put("operator", "IN");
            exact.forEach(filter.putArray("values")::add);
        }
        lastDigits.ifPresent(digits -> phoneProperties.forEach(property -> groups.addObject().putArray("filters").addObject()
                .put("propertyName", property)
                .put("operator", "CONTAINS_TOKEN")
                .put("value", "*" + digits)));
        ArrayNode properties = body.putArray("properties");
        phoneProperties.forEach(properties::add);
        properties.add("hubspot_owner_id");
        body.put("limit", 10);
        String path = "/crm/v3/objects/" + PATHS.get(objectType) + "/search";
        JsonNode answer = post(path, body, NO_RESULTS);
        Map<String, CrmContact> found = new LinkedHashMap<>();
        JsonNode results = answer.path("results");
        if (!results.isArray()) {
            throw http.malformed("POST " + path, 200, "no results array in the search answer");
        }
        for (JsonNode r : results) {
            String id = CrmJson.text(r.get("id")).orElseThrow(() -> http.malformed("POST " + path, 200, "a result without id"));
            String owner = CrmJson.text(r.path("properties").get("hubspot_owner_id")).orElse(null);
            found.putIfAbsent(id, new CrmContact(objectType, id, owner));
        }
        return new ArrayList<>(found.values());
    }

    @Override
    public boolean canCreate(String objectType) {
        return "contact".equals(objectType);
    }

    @Override
    public CrmContact create(String objectType, String e164, CallFacts call) {
        ObjectNode body = CrmJson.object();
        body.putObject("properties").put("phone", e164);
        return new CrmContact(objectType, createdId("/crm/v3/objects/contacts", body), null);
    }

    private String createdId(String path, ObjectNode body) {
        JsonNode answer = post(path, body, CREATED);
        return CrmJson.text(answer.get("id")).orElseThrow(() -> http.malformed("POST " + path, 201, "no id in the answer"));
    }

    private JsonNode post(String path, ObjectNode body, String dryRunAnswer) {
        return http.call(auth, base -> CrmRequest.json("POST", base.resolve(path), CrmJson.write(body)), dryRunAnswer);
    }

    private List<String> ids(JsonNode answer, String path) {
        JsonNode results = answer.path("results");
        if (!results.isArray()) {
            throw http.malformed("POST " + path, 200, "no results array in the search answer");
        }
        List<String> ids = new ArrayList<>();
        results.forEach(r -> CrmJson.text(r.get("id")).ifPresent(ids::add));
        return ids;
    }

    @Override
    public void close() {}
}

package io.switchboard.crm.pipedrive;

import io.switchboard.crm.CrmRecords;
import io.switchboard.crm.CrmSinkHarness;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** Pipedrive's documented answers on WireMock, and sinks pointed at it. */
final class PipedriveStub {

    static final String API_TOKEN = "0123456789abcdef0123456789abcdef01234567";

    private PipedriveStub() {}

    static PipedriveCallLogSink sink(WireMockExtension wm, CrmRecords records) {
        PipedriveCallLogSink sink = CrmSinkHarness.configure(new PipedriveCallLogSink(), "pipedrive-main", records);
        sink.setBaseUrl(CrmSinkHarness.baseUrl(wm));
        sink.setApiToken(API_TOKEN);
        return sink;
    }

    /** {@code GET /v1/persons/search} answer with persons (id, owner 7, organization 9). */
    static String persons(int... ids) {
        StringBuilder items = new StringBuilder();
        for (int id : ids) {
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("{\"result_score\":1.2,\"item\":{\"id\":").append(id).append(",\"type\":\"person\",")
                    .append("\"name\":\"Jeanne Martin\",\"phones\":[\"+33612345678\"],\"emails\":[],")
                    .append("\"visible_to\":3,\"owner\":{\"id\":7},\"organization\":{\"id\":9,\"name\":\"Acme\",")
                    .append("\"address\":null},\"custom_fields\":[],\"notes\":[]}}");
        }
        return "{\"success\":true,\"data\":{\"items\":[" + items + "]},\"additional_data\":{\"pagination\":"
                + "{\"start\":0,\"limit\":100,\"more_items_in_collection\":false}}}";
    }

    static String callLogCreated(String id) {
        return "{\"success\":true,\"data\":{\"id\":\"" + id + "\",\"activity_id\":1011,\"person_id\":42,\"org_id\":9,"
                + "\"user_id\":7,\"outcome\":\"connected\",\"company_id\":123}}";
    }
}

package io.switchboard.crm;

import io.switchboard.call.Call;
import io.switchboard.call.CallState;
import io.switchboard.call.CanonicalJson;
import io.switchboard.call.Direction;
import io.switchboard.call.Outcome;
import java.time.Instant;
import java.util.List;

/** Canonical calls for CRM tests, as the call source delivers them. */
public final class CrmTestCalls {

    public static final String LINE = "+33123456789";
    public static final String CUSTOMER = "+33612345678";
    public static final Instant START = Instant.parse("2026-11-23T09:15:00Z");

    private CrmTestCalls() {}

    /** An inbound call from {@link #CUSTOMER} to {@link #LINE}, answered by agent 201 after 7 s, 65 s of talk. */
    public static Call inboundAnswered(String id) {
        return new Call(id, "keyyo", "keyyo-demo", "v-" + id, LINE, Direction.INBOUND, CUSTOMER, LINE, CallState.ENDED,
                Outcome.ANSWERED, START, START.plusSeconds(7), START.plusSeconds(72), 7L, 65L, "201",
                "https://rec.example/r/" + id + ".mp3", List.of(), List.of());
    }

    /** An inbound call from {@link #CUSTOMER} nobody answered (rang 20 s). */
    public static Call inboundMissed(String id) {
        return new Call(id, "keyyo", "keyyo-demo", "v-" + id, LINE, Direction.INBOUND, CUSTOMER, LINE, CallState.ENDED,
                Outcome.MISSED, START, null, START.plusSeconds(20), 20L, null, null, null, List.of(), List.of());
    }

    /** An outbound call from agent 202's line to {@link #CUSTOMER}, busy. */
    public static Call outboundBusy(String id) {
        return new Call(id, "callr", "callr-demo", "v-" + id, LINE, Direction.OUTBOUND, LINE, CUSTOMER, CallState.ENDED,
                Outcome.BUSY, START, null, START.plusSeconds(4), 4L, null, "202", null, List.of(), List.of());
    }

    /** An inbound call still ringing. */
    public static Call inboundRinging(String id) {
        return new Call(id, "keyyo", "keyyo-demo", "v-" + id, LINE, Direction.INBOUND, CUSTOMER, LINE, CallState.RINGING,
                null, START, null, null, null, null, null, null, List.of(), List.of());
    }

    /** Extension 201 calling extension 202. */
    public static Call internal(String id) {
        return new Call(id, "telphin", "telphin-demo", "v-" + id, "201", Direction.INTERNAL, "201", "202", CallState.ENDED,
                Outcome.ANSWERED, START, START.plusSeconds(3), START.plusSeconds(33), 3L, 30L, "202", null, List.of(),
                List.of());
    }

    public static CallFacts facts(Call call) {
        return CallFacts.parse(CanonicalJson.write(call));
    }

    public static String json(Call call) {
        return CanonicalJson.write(call);
    }
}

package io.switchboard.crm;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The hub on a random port plus helpers for delivery tests: consultant-style routes added at run
 * time (durable source → a sink Kamelet), Telphin calls sent over HTTP, delivery rows read back.
 */
public abstract class DeliveryTestSupport extends SourceRouteTestSupport {

    /**
     * Adds the route {@code from kamelet:switchboard-call-source?subscription=NAME&vendors=telphin&…
     * to SINK} and waits until its subscription exists (it then receives every later call change).
     */
    protected void subscribe(String subscription, String sourceOptions, String sinkUri) throws Exception {
        addSourceRoute(subscription, "&vendors=telphin&pollDelay=20" + sourceOptions, sinkUri);
    }

    protected TelphinCalls telphin() {
        return new TelphinCalls("http://127.0.0.1:" + port, source("telphin-demo").token());
    }

    /** The hub call id of a Telphin CallID, once the hub has journaled the call. */
    protected String hubCallId(String vendorCallId) {
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM calls WHERE vendor_call_id = ?", Integer.class, vendorCallId) == 1);
        return jdbc.queryForObject("SELECT id FROM calls WHERE vendor_call_id = ?", String.class, vendorCallId);
    }

    /** The delivery rows of a subscription, oldest first. */
    protected List<Map<String, Object>> deliveries(String subscription) {
        return jdbc.queryForList(
                "SELECT id, call_id, status, attempts, next_attempt_at, last_error, updated_at, replays FROM feed_deliveries"
                        + " WHERE subscription = ? ORDER BY id",
                subscription);
    }

    protected Map<String, Object> onlyDelivery(String subscription) {
        List<Map<String, Object>> rows = deliveries(subscription);
        if (rows.size() != 1) {
            throw new AssertionError("expected one delivery for " + subscription + ", found " + rows);
        }
        return rows.get(0);
    }

    /** The status of the subscription's only delivery; empty while it has none yet. */
    protected String onlyStatus(String subscription) {
        List<Map<String, Object>> rows = deliveries(subscription);
        return rows.isEmpty() ? "" : (String) onlyDelivery(subscription).get("STATUS");
    }

    /** Attempts of the subscription's only delivery; 0 while it has none yet. */
    protected int onlyAttempts(String subscription) {
        List<Map<String, Object>> rows = deliveries(subscription);
        return rows.isEmpty() ? 0 : ((Number) onlyDelivery(subscription).get("ATTEMPTS")).intValue();
    }

    protected static final Duration SHORT = Duration.ofSeconds(20);
}

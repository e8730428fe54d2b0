package io.switchboard.clicktocall;

import java.util.Map;
import java.util.Set;

/**
 * What a vendor answered to a click-to-call: what its events will carry back.
 *
 * @param vendorCallId the vendor's call id, when it gives one (udesk CallID, Telphin call_id)
 * @param pendingKeys for vendors that give no id back: line and number ({@code pending:…}, Keyyo)
 * @param attributes facts kept on the ORIGINATE event; {@code cdr_field} (CALLR) and
 *     {@code callApiId} (Telphin) are also correlation keys (see {@code journal/CorrelationKeys})
 */
public record Originated(String vendorCallId, Set<String> pendingKeys, Map<String, String> attributes) {

    public Originated {
        pendingKeys = Set.copyOf(pendingKeys);
        attributes = Map.copyOf(attributes);
    }
}

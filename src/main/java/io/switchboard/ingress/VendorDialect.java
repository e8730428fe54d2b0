package io.switchboard.ingress;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import java.util.List;

/**
 * Everything the hub needs to understand one vendor: who may send (authentication) and what it
 * means (translation). One Spring bean per vendor; pure functions of the request and the source
 * configuration, so the same request always gives the same events.
 */
public interface VendorDialect {

    /** Vendor id used in paths, the inbox and the journal (keyyo, callr, telphin, udesk …). */
    String vendor();

    /**
     * Finds the configured source this request comes from and checks it may send.
     *
     * @param pathToken the {token} path segment for vendors authenticated by a secret in the URL,
     *     else null
     * @throws RejectedRequestException 401/403 when the token, signature or timestamp is wrong
     */
    Source authenticate(InboundRequest request, String pathToken, Sources sources);

    /**
     * Translates the request into canonical events (usually one; none is an error).
     *
     * @throws RejectedRequestException 400 when a field is missing or malformed, or the event
     *     type is unknown
     */
    List<CallEvent> translate(InboundRequest request, Source source);
}

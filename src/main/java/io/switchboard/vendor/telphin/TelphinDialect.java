package io.switchboard.vendor.telphin;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.RejectedRequestException;
import io.switchboard.ingress.Sources;
import io.switchboard.ingress.VendorDialect;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Telphin extension events ({@code /extension/{id}/event/} subscriptions), delivered as
 * {@code GET /webhooks/telphin/{token}?EventType=…} or as a form {@code POST} to the same URL.
 * The secret {@code {token}} in the path names the source; see {@code docs/vendors/telphin.md}.
 */
@Component
public class TelphinDialect implements VendorDialect {

    static final String VENDOR = "telphin";

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public Source authenticate(InboundRequest request, String pathToken, Sources sources) {
        if (pathToken == null || pathToken.isBlank()) {
            throw RejectedRequestException.unauthorized(
                    "missing_token", "Missing source token: the Telphin event URL must be /webhooks/telphin/{token}");
        }
        return sources.byToken(VENDOR, pathToken)
                .orElseThrow(() -> RejectedRequestException.unauthorized(
                        "unknown_token", "Unknown source token: no Telphin source is configured with it"));
    }

    @Override
    public List<CallEvent> translate(InboundRequest request, Source source) {
        TelphinParams params = TelphinParams.of(request);
        TelphinEventType type = eventType(params, request);
        return List.of(new TelphinEventMapper(params, type, source, request.receivedAt()).map());
    }

    private static TelphinEventType eventType(TelphinParams params, InboundRequest request) {
        String value = params.get(TelphinEventMapper.EVENT_TYPE);
        if (value == null && request.body().length > 0 && !request.isForm()) {
            throw new RejectedRequestException(
                    415,
                    "unsupported_media_type",
                    "Telphin POST bodies must be application/x-www-form-urlencoded (EventType not found)");
        }
        if (value == null) {
            throw RejectedRequestException.badRequest("missing_field", "Missing field EventType");
        }
        return TelphinEventType.fromWire(value)
                .orElseThrow(() -> RejectedRequestException.badRequest(
                        "unknown_event_type",
                        "Unknown EventType '" + TelphinParams.clip(value)
                                + "' (expected dial-in, dial-out, answer, hangup, message-in or message-out)"));
    }
}

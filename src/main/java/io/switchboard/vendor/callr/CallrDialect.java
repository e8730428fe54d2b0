package io.switchboard.vendor.callr;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import io.switchboard.ingress.VendorDialect;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * CALLR webhooks ({@code POST /webhooks/callr}, JSON): authenticated by the HMAC of the raw body in
 * {@code X-CALLR-HmacSignature}, translated from the {@code Webhook.Event} envelope and its CDR,
 * Media.Recording or other {@code data}. See {@code docs/vendors/callr.md}.
 */
@Component
public class CallrDialect implements VendorDialect {

    public static final String VENDOR = "callr";

    /**
     * Attribute holding the CDR's {@code customer_field} (the {@code cdr_field} set when the call
     * was started through the API, e.g. by the hub's click-to-call).
     */
    public static final String CDR_FIELD_ATTRIBUTE = "cdr_field";

    @Override
    public String vendor() {
        return VENDOR;
    }

    /** CALLR has no path token: the source is the one whose {@code hmac_secret} signed the body. */
    @Override
    public Source authenticate(InboundRequest request, String pathToken, Sources sources) {
        return CallrSignature.authenticate(request, sources.ofVendor(VENDOR));
    }

    @Override
    public List<CallEvent> translate(InboundRequest request, Source source) {
        CallrEnvelope envelope = CallrEnvelope.parse(request.body());
        CallrEventType type = CallrEventType.of(envelope.type());
        return List.of(new CallrTranslation(envelope, source, request.receivedAt()).translate(type));
    }
}

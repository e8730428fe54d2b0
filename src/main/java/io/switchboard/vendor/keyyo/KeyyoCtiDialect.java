package io.switchboard.vendor.keyyo;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import io.switchboard.ingress.VendorDialect;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keyyo CTI call notifications relayed by a browser page running the Keyyo CTI JS SDK: one JSON
 * call notification per POST to {@code /webhooks/keyyo-cti/{token}}, authenticated with the token
 * of the keyyo source. Events carry vendor {@code keyyo} so they merge with the server
 * notifications of the same call.
 */
@Component
public class KeyyoCtiDialect implements VendorDialect {

    static final String VENDOR = "keyyo-cti";

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public Source authenticate(InboundRequest request, String pathToken, Sources sources) {
        return KeyyoTokens.authenticate(pathToken, sources, "Keyyo CTI relay");
    }

    @Override
    public List<CallEvent> translate(InboundRequest request, Source source) {
        String line = queryParameters(request).get(KeyyoCtiTranslator.LINE_FIELD);
        return List.of(KeyyoCtiTranslator.translate(
                KeyyoCtiTranslator.parse(request.body()), source, line, request.receivedAt()));
    }

    /** Query parameters only: the body is JSON whatever Content-Type a browser relay put on it. */
    private static Map<String, String> queryParameters(InboundRequest request) {
        return new InboundRequest(request.vendor(), request.sourceId(), request.method(), request.queryString(), null,
                        null, null, request.receivedAt(), null)
                .params();
    }
}

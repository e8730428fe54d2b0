package io.switchboard.vendor.keyyo;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import io.switchboard.ingress.VendorDialect;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keyyo server notifications: a GET (or form POST) to the URL template configured in the Keyyo
 * Manager, with the call's keywords substituted into the query string. Authenticated by the
 * {@code {token}} path segment. See docs/vendors/keyyo.md.
 */
@Component
public class KeyyoDialect implements VendorDialect {

    static final String VENDOR = "keyyo";

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public Source authenticate(InboundRequest request, String pathToken, Sources sources) {
        return KeyyoTokens.authenticate(pathToken, sources, "Keyyo notification");
    }

    @Override
    public List<CallEvent> translate(InboundRequest request, Source source) {
        return List.of(KeyyoNotificationTranslator.translate(request.params(), source, request.receivedAt()));
    }
}

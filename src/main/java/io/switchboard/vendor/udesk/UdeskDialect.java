package io.switchboard.vendor.udesk;

import io.switchboard.call.CallEvent;
import io.switchboard.config.Source;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ingress.InboundRequest;
import io.switchboard.ingress.Sources;
import io.switchboard.ingress.VendorDialect;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * udesk CTI Cloud subscription callbacks: {@code POST /webhooks/udesk} with a JSON body, signed by
 * {@code Sign = SHA1(AppId + Secret + Timestamp)}. The body format is not published, so every field
 * is read through the source's configurable JSON pointers ({@code sources[].udesk.fields}).
 */
@Component
public class UdeskDialect implements VendorDialect {

    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final UdeskAuthenticator authenticator;
    private final UdeskCallbackTranslator translator = new UdeskCallbackTranslator();

    public UdeskDialect(SwitchboardProperties properties, Clock clock) {
        this.authenticator = new UdeskAuthenticator(clock, window(properties));
    }

    private static Duration window(SwitchboardProperties properties) {
        if (properties == null || properties.ingress() == null || properties.ingress().signatureWindow() == null) {
            return DEFAULT_WINDOW;
        }
        return properties.ingress().signatureWindow();
    }

    @Override
    public String vendor() {
        return UdeskCallbackTranslator.VENDOR;
    }

    /** udesk signs its callbacks; {@code pathToken} is not used (null). */
    @Override
    public Source authenticate(InboundRequest request, String pathToken, Sources sources) {
        return authenticator.authenticate(request, sources.ofVendor(vendor()));
    }

    @Override
    public List<CallEvent> translate(InboundRequest request, Source source) {
        return translator.translate(request, source);
    }
}

package io.switchboard.clicktocall;

import io.switchboard.config.Source;
import io.switchboard.vendor.api.VendorHttpSettings;
import io.switchboard.vendor.telphin.api.TelphinApiClient;
import io.switchboard.vendor.telphin.api.TelphinApiConfig;
import io.switchboard.vendor.telphin.api.TelphinCallbackRequest;
import io.switchboard.vendor.telphin.api.TelphinCallbackResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Telphin {@code POST /api/ver1.0/extension/{id}/callback/}: rings the caller's extension, then the
 * number. Telphin answers {@code call_id} (the events' {@code CallID}) and {@code call_api_id} (the
 * callback legs' {@code CallAPIID}, {@code cb-} prefixed): both find the call again.
 */
@Component
class TelphinOriginator implements Originator, DisposableBean {

    private final VendorClients<TelphinApiClient> clients = new VendorClients<>(TelphinOriginator::apiClient);

    static TelphinApiClient apiClient(Source source) {
        Source.ApiOptions api = source.api();
        if (VendorClients.blank(api.clientId()) || VendorClients.blank(api.clientSecret())) {
            throw new ClickToCallNotConfiguredException(source.id(), "api.client-id and api.client-secret");
        }
        return new TelphinApiClient(new TelphinApiConfig(
                VendorClients.baseUrl(source, TelphinApiConfig.DEFAULT_BASE_URL),
                api.clientId(),
                api.clientSecret(),
                null,
                new VendorHttpSettings(api.connectTimeout(), api.readTimeout())));
    }

    TelphinApiClient client(Source source) {
        return clients.of(source);
    }

    @Override
    public String vendor() {
        return "telphin";
    }

    @Override
    public Originated originate(Placement p) {
        Source.Caller caller = p.caller();
        if (VendorClients.blank(caller.extensionId())) {
            throw new ClickToCallNotConfiguredException(p.source().id(), "api.callers[line " + caller.line() + "].extension-id");
        }
        TelphinCallbackRequest request = new TelphinCallbackRequest(
                p.number(),
                List.of(shortExtension(caller.line())),
                p.displayName(),
                VendorClients.blank(caller.callerId()) ? null : caller.callerId(),
                null);
        TelphinCallbackResult result = client(p.source()).callback(caller.extensionId(), request);
        Map<String, String> attributes = new LinkedHashMap<>();
        String callApiId = result.callApiId();
        attributes.put("callApiId", callApiId.startsWith("cb-") ? callApiId : "cb-" + callApiId);
        return new Originated(result.callId(), Set.of(), attributes);
    }

    /** {@code 000*099} → {@code 099}: the extension's own name, as Telphin's callback {@code src_num} takes it. */
    static String shortExtension(String line) {
        int star = line.indexOf('*');
        return star >= 0 ? line.substring(star + 1) : line;
    }

    @Override
    public void destroy() {
        clients.close();
    }
}

package io.switchboard.clicktocall;

import io.switchboard.config.Source;
import io.switchboard.vendor.api.VendorHttpSettings;
import io.switchboard.vendor.callr.CallrDialect;
import io.switchboard.vendor.callr.api.CallrApiClient;
import io.switchboard.vendor.callr.api.CallrApiConfig;
import io.switchboard.vendor.callr.api.CallrClickToCall;
import io.switchboard.vendor.callr.api.CallrClickToCallSettings;
import io.switchboard.vendor.callr.api.CallrClickToCallStarted;
import io.switchboard.vendor.callr.api.CallrCredentials;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * CALLR {@code clicktocall/calls.start_2}: rings the caller's phone, then the number. The hub's tag
 * goes in {@code cdr_field}; CALLR puts it on the CDRs of both legs, which is how they join the call.
 * The {@code CLICKTOCALL10} app is created once per source and remembered in the journal
 * ({@link JdbcAppHashStore}).
 */
@Component
class CallrOriginator implements Originator, DisposableBean {

    private final JdbcAppHashStore.Factory appStores;
    private final VendorClients<Client> clients;

    record Client(CallrApiClient api, CallrClickToCall clickToCall) implements AutoCloseable {
        @Override
        public void close() {
            api.close();
        }
    }

    CallrOriginator(JdbcAppHashStore.Factory appStores) {
        this.appStores = appStores;
        this.clients = new VendorClients<>(this::client);
    }

    static CallrCredentials credentials(Source source) {
        Source.ApiOptions api = source.api();
        if (!VendorClients.blank(api.apiKey())) {
            return new CallrCredentials.ApiKey(api.apiKey());
        }
        if (VendorClients.blank(api.login()) || api.password() == null) {
            throw new ClickToCallNotConfiguredException(source.id(), "api.login and api.password, or api.api-key");
        }
        return new CallrCredentials.Basic(api.login(), api.password());
    }

    static CallrApiClient apiClient(Source source) {
        Source.ApiOptions api = source.api();
        return new CallrApiClient(new CallrApiConfig(
                VendorClients.baseUrl(source, CallrApiConfig.DEFAULT_BASE_URL),
                credentials(source),
                VendorClients.blank(api.loginAs()) ? null : api.loginAs(),
                new VendorHttpSettings(api.connectTimeout(), api.readTimeout())));
    }

    private Client client(Source source) {
        CallrApiClient api = apiClient(source);
        CallrClickToCallSettings settings = new CallrClickToCallSettings(
                source.api().appName(), source.api().agentTimeout(), source.api().customerTimeout());
        return new Client(api, new CallrClickToCall(api, appStores.of(source.id()), settings));
    }

    @Override
    public String vendor() {
        return "callr";
    }

    @Override
    public Originated originate(Placement p) {
        credentials(p.source());
        if (p.extension() || !p.line().startsWith("+")) {
            throw io.switchboard.ingress.RejectedRequestException.badRequest("invalid_number",
                    "CALLR calls phone numbers only: line and number must be E.164");
        }
        String cli = VendorClients.blank(p.caller().callerId()) ? null : p.caller().callerId();
        CallrClickToCallStarted started = clients.of(p.source()).clickToCall().start(p.line(), p.number(), cli, p.tag());
        return new Originated(null, Set.of(), Map.of(
                CallrDialect.CDR_FIELD_ATTRIBUTE, p.tag(),
                "callrCallHash", started.callHash()));
    }

    @Override
    public void destroy() {
        clients.close();
    }
}

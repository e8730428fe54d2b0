package io.switchboard.vendor.callr.api;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-call on CALLR: rings the agent first (party A), then the customer (party B), and
 * bridges them. The {@code CLICKTOCALL10} app it needs is created on first use
 * ({@code apps.create}) and remembered in an {@link AppHashStore}, so later calls reuse it.
 */
public final class CallrClickToCall {

    static final String APP_PACKAGE = "CLICKTOCALL10";
    private static final Logger LOG = LoggerFactory.getLogger(CallrClickToCall.class);

    private final CallrApiClient client;
    private final AppHashStore apps;
    private final CallrClickToCallSettings settings;

    public CallrClickToCall(CallrApiClient client, AppHashStore apps, CallrClickToCallSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.apps = Objects.requireNonNull(apps, "apps");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Starts a click-to-call.
     *
     * @param agentNumber    E.164 number of the agent, called first
     * @param customerNumber E.164 number of the customer, called once the agent answers
     * @param cli            number shown to the agent (E.164 or {@code BLOCKED}), null for the account default
     * @param cdrField       correlation tag (1..32 letters or digits) CALLR puts on the CDRs, null for none
     * @throws IllegalArgumentException         when a number or the tag has the wrong format (nothing was sent)
     * @throws io.switchboard.vendor.api.VendorApiException when CALLR refused or did not answer
     */
    public CallrClickToCallStarted start(String agentNumber, String customerNumber, String cli, String cdrField) {
        CallrTarget agent = new CallrTarget(agentNumber, settings.agentTimeoutSeconds());
        CallrTarget customer = new CallrTarget(customerNumber, settings.customerTimeoutSeconds());
        CallrStartOptions options = new CallrStartOptions(cli, cdrField, null);
        String appHash = appHash();
        String callHash = client.startClickToCall(appHash, List.of(agent), List.of(customer), options);
        LOG.info("CALLR click-to-call {} started (app {}, cdr_field {})", callHash, appHash, cdrField);
        return new CallrClickToCallStarted(appHash, callHash, cdrField);
    }

    /** The click-to-call app's hash, created once (calls are serialized so two first calls create one app). */
    synchronized String appHash() {
        return apps.get(settings.appName()).orElseGet(() -> {
            String hash = client.createApp(APP_PACKAGE, settings.appName());
            apps.put(settings.appName(), hash);
            LOG.info("CALLR click-to-call app '{}' created: {}", settings.appName(), hash);
            return hash;
        });
    }
}

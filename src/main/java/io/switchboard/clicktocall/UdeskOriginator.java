package io.switchboard.clicktocall;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.switchboard.config.Source;
import io.switchboard.vendor.udesk.api.UdeskApiClient;
import io.switchboard.vendor.udesk.api.UdeskApiSettings;
import io.switchboard.vendor.udesk.api.UdeskOriginate;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * udesk CTI Cloud {@code POST originatev2}: rings the agent, then the number. udesk answers the
 * CallID its events carry ({@code CallId}), which finds the call again.
 */
@Component
class UdeskOriginator implements Originator, DisposableBean {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final VendorClients<UdeskApiClient> clients = new VendorClients<>(UdeskOriginator::apiClient);

    static UdeskApiClient apiClient(Source source) {
        Source.ApiOptions api = source.api();
        if (VendorClients.blank(api.baseUrl())) {
            throw new ClickToCallNotConfiguredException(source.id(), "api.base-url (https://<your udesk host>)");
        }
        if (VendorClients.blank(source.udesk().appId()) || VendorClients.blank(api.sid()) || VendorClients.blank(api.authToken())) {
            throw new ClickToCallNotConfiguredException(source.id(), "udesk.app-id, api.sid and api.auth-token");
        }
        return new UdeskApiClient(new UdeskApiSettings(URI.create(api.baseUrl().trim()), source.udesk().appId(), api.sid(),
                api.authToken(), api.timestampInSeconds(), api.connectTimeout(), api.readTimeout()));
    }

    UdeskApiClient client(Source source) {
        return clients.of(source);
    }

    @Override
    public String vendor() {
        return "udesk";
    }

    @Override
    public Originated originate(Placement p) {
        Source.Caller caller = p.caller();
        if (VendorClients.blank(caller.agentId()) || VendorClients.blank(caller.trunkNumber())
                || VendorClients.blank(caller.callerId())) {
            throw new ClickToCallNotConfiguredException(p.source().id(),
                    "api.callers[line " + caller.line() + "].agent-id, trunk-number and caller-id");
        }
        String called = p.extension() ? p.number() : udeskNumber(p.number(), p.source().defaultRegion());
        String callId = client(p.source()).originate(new UdeskOriginate(
                caller.trunkNumber(), called, caller.callerId(), caller.agentId(), List.of()));
        return new Originated(callId, Set.of(), Map.of());
    }

    /**
     * udesk dials national formats: a number of the source's region in its national form without
     * spaces ({@code +861087654321} → {@code 01087654321}, mobiles 11 digits), others {@code 00} + E.164 digits.
     */
    static String udeskNumber(String e164, String region) {
        try {
            PhoneNumber parsed = PHONES.parse(e164, region);
            if (PHONES.getRegionCodeForNumber(parsed) != null && PHONES.getRegionCodeForNumber(parsed).equalsIgnoreCase(region)) {
                return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.NATIONAL).replaceAll("[^0-9]", "");
            }
        } catch (NumberParseException e) {
            // not parseable: fall through to the international form
        }
        return "00" + e164.substring(1);
    }

    @Override
    public void destroy() {
        clients.close();
    }
}

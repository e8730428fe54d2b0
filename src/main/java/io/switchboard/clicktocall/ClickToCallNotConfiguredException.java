package io.switchboard.clicktocall;

import io.switchboard.ingress.RejectedRequestException;

/** The source or caller lacks the API settings click-to-call needs: 409 naming the missing key. */
public class ClickToCallNotConfiguredException extends RejectedRequestException {

    private final String missing;

    public ClickToCallNotConfiguredException(String sourceId, String missing) {
        super(409, "click_to_call_not_configured",
                "Source '" + sourceId + "' cannot place calls: set " + missing + " in config/switchboard.yaml");
        this.missing = missing;
    }

    /** The settings to add, as named in the message ({@code callr.login}, …). */
    public String missing() {
        return missing;
    }
}

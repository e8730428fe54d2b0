package io.switchboard.clicktocall;

import io.switchboard.ingress.RejectedRequestException;

/** The source or caller lacks the API settings click-to-call needs: 409 naming the missing key. */
public class ClickToCallNotConfiguredException extends RejectedRequestException {

    public ClickToCallNotConfiguredException(String sourceId, String missing) {
        super(409, "click_to_call_not_configured",
                "Source '" + sourceId + "' cannot place calls: set " + missing + " in config/switchboard.yaml");
    }
}

package io.switchboard.clicktocall;

import io.switchboard.vendor.api.VendorApiException;

/** Places click-to-call calls through one vendor's API. One Spring bean per vendor. */
public interface Originator {

    /** keyyo, callr, telphin or udesk. */
    String vendor();

    /**
     * Asks the vendor to place the call and waits for its answer (Keyyo: for the call's turn in the
     * line's queue, then the answer).
     *
     * @throws VendorApiException the vendor refused, failed or did not answer
     * @throws ClickToCallNotConfiguredException the source lacks API credentials for this caller
     */
    Originated originate(Placement placement);
}

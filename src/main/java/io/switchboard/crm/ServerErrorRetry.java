package io.switchboard.crm;

import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.api.VendorApiException.Kind;

/**
 * Whether a CRM's HTTP 500 (or another 5xx that {@link io.switchboard.vendor.api.VendorHttp} reports
 * as {@link Kind#VENDOR_ERROR}) is tried again. 502, 503 and 504 are always retried
 * ({@link Kind#UNAVAILABLE}); a 500 usually is transient too (HubSpot, Salesforce, Pipedrive and Zoho
 * all document it as a generic server error), and the CRM connectors' writes are safe to repeat: the
 * activity id is kept in {@code crm_records} once written, and HubSpot (call id property), Salesforce
 * (External ID upsert, {@code CallObject} query) and Zoho (call id field) find a record written by an
 * attempt whose answer was lost (Pipedrive cannot). So a 500 is retried with the call source's
 * backoff, but only for the first {@code attempts - 1} attempts: a 500 that persists is usually a CRM bug triggered by this very
 * request, and the delivery then goes DEAD (replayable) instead of retrying for a day.
 *
 * <p>501 (Not Implemented) and 505 are never retried: they will not change.
 */
final class ServerErrorRetry {

    private ServerErrorRetry() {}

    /**
     * @param attempt  the delivery attempt that failed (1 = first)
     * @param attempts attempts a 500 may take before the delivery is DEAD; 1 or less: never retried
     * @return {@code failure} itself, or a retryable copy ({@link Kind#UNAVAILABLE}, same status and
     *         CRM message) when another attempt is allowed
     */
    static VendorApiException apply(VendorApiException failure, int attempt, int attempts) {
        int status = failure.httpStatus();
        if (failure.kind() != Kind.VENDOR_ERROR || status < 500 || status == 501 || status == 505
                || attempt >= attempts) {
            return failure;
        }
        VendorApiException.Builder retryable = VendorApiException.of(failure.vendor(), failure.operation(), Kind.UNAVAILABLE)
                .httpStatus(status)
                .detail("server error, retried: attempt " + attempt + " of " + attempts)
                .cause(failure);
        failure.vendorCode().ifPresent(retryable::vendorCode);
        failure.vendorMessage().ifPresent(retryable::vendorMessage);
        failure.retryAfter().ifPresent(retryable::retryAfter);
        return retryable.build();
    }
}

package io.switchboard.vendor.udesk.api;

/**
 * Outcome of {@link UdeskApiClient#ensureSubscription(UdeskSubscription)}.
 *
 * @param created true when the subscription did not exist and was created now
 * @param subscription the subscription as udesk holds it (created: the wanted one with its new id)
 * @param upToDate false when a subscription of that name exists with another callback or fewer
 *     events; it is left untouched (update or delete it deliberately)
 */
public record UdeskEnsuredSubscription(boolean created, UdeskSubscription subscription, boolean upToDate) {}

package io.switchboard.vendor.telphin.api;

/**
 * One extension event subscription ({@code /api/ver1.0/extension/{id}/event/}). The URL holds the
 * hub's secret token: it is never logged.
 *
 * @param id        Telphin's id of the subscription, null before it is created
 * @param url       where Telphin sends the events
 * @param method    {@code GET} (fields in the query string) or {@code POST} (form body)
 * @param eventType {@code dial-in}, {@code dial-out}, {@code answer}, {@code hangup}, {@code message-in}, {@code message-out}
 */
public record TelphinEventSubscription(Long id, String url, String method, String eventType) {

    @Override
    public String toString() {
        return "TelphinEventSubscription[id=" + id + ", method=" + method + ", eventType=" + eventType + ", url=****]";
    }
}

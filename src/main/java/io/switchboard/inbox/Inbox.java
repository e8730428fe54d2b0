package io.switchboard.inbox;

import io.switchboard.ingress.InboundRequest;
import java.util.List;

/**
 * Raw vendor requests, stored before the hub answers and translated afterwards. Kept behind this
 * interface so a log (Kafka) can replace the table later.
 */
public interface Inbox {

    /**
     * Stores a batch of authenticated, validated requests in one transaction.
     *
     * @return the inbox id of each request, in the order given
     */
    List<Long> appendAll(List<InboundRequest> requests);

    /** Ids of the oldest requests not yet translated, oldest first. */
    List<Long> pendingIds(int limit);

    /** The stored requests with these ids (with their inbox ids set), in id order. */
    List<InboundRequest> requests(List<Long> ids);

    void markDone(List<Long> ids);

    void markFailed(long id, String reason);

    long countPending();
}

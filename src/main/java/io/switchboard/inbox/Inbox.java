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

    /** Oldest requests not yet translated, with their inbox ids set. */
    List<InboundRequest> pending(int limit);

    void markDone(List<Long> ids);

    void markFailed(long id, String reason);

    long countPending();
}

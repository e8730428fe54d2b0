package io.switchboard.feed;

import io.switchboard.journal.CallJournal;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.stereotype.Component;

/**
 * The durable canonical call-event source: {@code switchboard:calls?subscription=NAME&states=ENDED}.
 * Consultant routes use it through the {@code switchboard-call-source} Kamelet. Each subscription
 * keeps its own cursor and delivery rows in the journal, so deliveries survive restarts and
 * failed ones are retried with backoff until they succeed or reach {@code maxAttempts} (DEAD).
 * Delivery is at-least-once: connectors key their writes by the hub call id.
 */
@Component("switchboard")
public class CallFeedComponent extends DefaultComponent {

    private final CallFeed feed;
    private final CallJournal journal;

    CallFeedComponent(CallFeed feed, CallJournal journal) {
        this.feed = feed;
        this.journal = journal;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!"calls".equals(remaining)) {
            throw new IllegalArgumentException("Unknown switchboard endpoint '" + remaining + "': use switchboard:calls");
        }
        CallFeedEndpoint endpoint = new CallFeedEndpoint(uri, this, feed, journal);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}

package io.switchboard.feed;

import io.switchboard.journal.CallJournal;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.beans.factory.ObjectProvider;
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
    private final List<SwitchboardFeed> otherFeeds;

    CallFeedComponent(CallFeed feed, CallJournal journal, ObjectProvider<SwitchboardFeed> otherFeeds) {
        this.feed = feed;
        this.journal = journal;
        this.otherFeeds = otherFeeds.orderedStream().toList();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!"calls".equals(remaining)) {
            SwitchboardFeed other = otherFeeds.stream()
                    .filter(f -> f.name().equals(remaining))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown switchboard endpoint '" + remaining
                            + "': use switchboard:calls" + otherFeeds.stream().map(f -> " or switchboard:" + f.name())
                                    .reduce("", String::concat)));
            Endpoint endpoint = other.createEndpoint(uri, this);
            setProperties(endpoint, parameters);
            return endpoint;
        }
        CallFeedEndpoint endpoint = new CallFeedEndpoint(uri, this, feed, journal);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}

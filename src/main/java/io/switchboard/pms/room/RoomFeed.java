package io.switchboard.pms.room;

import io.switchboard.feed.SwitchboardFeed;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;

/** Serves {@code switchboard:rooms?subscription=…}: the durable source of room events. */
@org.springframework.stereotype.Component
class RoomFeed implements SwitchboardFeed {

    private final RoomEvents events;

    RoomFeed(RoomEvents events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "rooms";
    }

    @Override
    public Endpoint createEndpoint(String uri, Component component) {
        return new RoomFeedEndpoint(uri, component, events);
    }
}

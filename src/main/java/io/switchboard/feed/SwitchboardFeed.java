package io.switchboard.feed;

import org.apache.camel.Component;
import org.apache.camel.Endpoint;

/**
 * Another durable source served by the {@code switchboard:} component next to {@code calls}, e.g.
 * {@code switchboard:rooms} (hotel room events). A Spring bean implementing it is picked up; the
 * component sets the URI options on the endpoint it returns.
 */
public interface SwitchboardFeed {

    /** The path after {@code switchboard:}, e.g. {@code rooms}. */
    String name();

    Endpoint createEndpoint(String uri, Component component);
}

package io.switchboard.crm;

import static org.awaitility.Awaitility.await;

import io.switchboard.HubIntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub on a random port with consultant-style routes added at run time
 * ({@code kamelet:switchboard-call-source → sink}), removed after each test together with the
 * Kamelet routes Camel created for them. Removing only the test's own route would leave its
 * switchboard-call-source route polling the subscription, failing each delivery with "No consumers
 * available" and marking it DEAD.
 */
public abstract class SourceRouteTestSupport extends HubIntegrationTest {

    private static final String SOURCE_KAMELET = "switchboard-call-source";

    @Autowired
    protected CamelContext camel;

    @Autowired
    protected JdbcTemplate jdbc;

    /** Stop order: call-source Kamelet routes first (no new delivery), then the routes, then the sink Kamelets. */
    private final List<String> stopOrder = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeRoutes() throws Exception {
        for (String id : stopOrder) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
        stopOrder.clear();
    }

    /**
     * Adds the route {@code from kamelet:switchboard-call-source?subscription=NAME&SOURCE-OPTIONS to
     * SINK} (route id NAME) and waits until its subscription exists: it then receives every later
     * call change.
     */
    protected void addSourceRoute(String name, String sourceOptions, String sinkUri) throws Exception {
        Set<String> before = routeIds();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:" + SOURCE_KAMELET + "?subscription=" + name + sourceOptions)
                        .routeId(name)
                        .to(sinkUri);
            }
        });
        List<String> created = routeIds().stream().filter(id -> !before.contains(id) && !id.equals(name)).toList();
        created.stream().filter(id -> id.startsWith(SOURCE_KAMELET)).forEach(id -> stopOrder.add(0, id));
        stopOrder.add(name);
        created.stream().filter(id -> !id.startsWith(SOURCE_KAMELET)).forEach(stopOrder::add);
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM feed_subscriptions WHERE name = ?", Integer.class, name) == 1);
    }

    private Set<String> routeIds() {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
    }
}

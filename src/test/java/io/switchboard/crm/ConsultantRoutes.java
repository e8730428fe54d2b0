package io.switchboard.crm;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;

/**
 * Routes a test adds at run time as a consultant would ({@code kamelet:switchboard-call-source → sink}),
 * with the Kamelet routes Camel creates for them, so that {@link #removeAll} takes all of them away.
 * Removing only the test's own route would leave its switchboard-call-source route polling the
 * subscription, failing each delivery with "No consumers available" and marking it DEAD.
 */
final class ConsultantRoutes {

    private static final String SOURCE_KAMELET = "switchboard-call-source";

    private final CamelContext camel;
    /** Stop order: call-source Kamelet routes first (no new delivery), then the routes, then the sink Kamelets. */
    private final List<String> stopOrder = new CopyOnWriteArrayList<>();

    ConsultantRoutes(CamelContext camel) {
        this.camel = camel;
    }

    /** Adds the routes of {@code builder} (whose main route has the id {@code routeId}) and what Camel created with them. */
    void add(String routeId, RouteBuilder builder) throws Exception {
        Set<String> before = routeIds();
        camel.addRoutes(builder);
        List<String> created = routeIds().stream().filter(id -> !before.contains(id) && !id.equals(routeId)).toList();
        created.stream().filter(id -> id.startsWith(SOURCE_KAMELET)).forEach(id -> stopOrder.add(0, id));
        stopOrder.add(routeId);
        created.stream().filter(id -> !id.startsWith(SOURCE_KAMELET)).forEach(stopOrder::add);
    }

    void removeAll() throws Exception {
        for (String id : stopOrder) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
        stopOrder.clear();
    }

    private Set<String> routeIds() {
        return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
    }
}

package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.HubIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/**
 * Every consultant route in routes/ is loaded and started by the hub, and every Kamelet in
 * connectors/ follows the house rules and can be instantiated with its example values.
 */
class RouteAndKameletFilesIT extends HubIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteFileIsLoadedWithItsIdsAndStarted() throws IOException {
        List<Path> files = files(Path.of("routes"), ".yaml");
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (String id : routeIds(file)) {
                Route route = camel.getRoute(id);
                assertThat(route).as("route %s from %s", id, file).isNotNull();
                assertThat(camel.getRouteController().getRouteStatus(id)).isEqualTo(ServiceStatus.Started);
            }
        }
    }

    @Test
    void everyKameletFollowsTheHouseRules() throws IOException {
        List<Path> files = files(Path.of("connectors"), ".kamelet.yaml");
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Map<String, Object> kamelet = load(file);
            Map<String, Object> metadata = map(kamelet.get("metadata"));
            String name = (String) metadata.get("name");
            assertThat(file.getFileName().toString()).isEqualTo(name + ".kamelet.yaml");
            assertThat(kamelet.get("kind")).isEqualTo("Kamelet");
            String type = (String) map(metadata.get("labels")).get("camel.apache.org/kamelet.type");
            assertThat(type).isIn("source", "sink", "action");
            assertThat(name).endsWith("-" + type);
            Map<String, Object> definition = map(map(kamelet.get("spec")).get("definition"));
            assertThat((String) definition.get("title")).isNotBlank();
            assertThat((String) definition.get("description")).isNotBlank();
            map(definition.get("properties")).forEach((property, schema) -> {
                Map<String, Object> p = map(schema);
                assertThat(p).as("%s.%s", name, property).containsKeys("title", "description", "type");
                if (property.toLowerCase(Locale.ROOT).matches(".*(secret|token|password|apikey).*")) {
                    assertThat(p.get("format")).as("%s.%s is a secret", name, property).isEqualTo("password");
                }
            });
        }
    }

    @Test
    void everyKameletInstantiatesWithItsExampleValues() throws Exception {
        for (Path file : files(Path.of("connectors"), ".kamelet.yaml")) {
            Map<String, Object> kamelet = load(file);
            String name = (String) map(kamelet.get("metadata")).get("name");
            String type = (String) map(map(kamelet.get("metadata")).get("labels")).get("camel.apache.org/kamelet.type");
            Map<String, Object> definition = map(map(kamelet.get("spec")).get("definition"));
            String params = map(definition.get("properties")).entrySet().stream()
                    .filter(e -> map(e.getValue()).containsKey("example"))
                    .map(e -> e.getKey() + "=" + map(e.getValue()).get("example"))
                    .collect(Collectors.joining("&"));
            String uri = "kamelet:" + name + "?" + params;
            String routeId = "kamelet-check-" + name;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if ("source".equals(type)) {
                        from(uri).routeId(routeId).to("log:kamelet-check?level=OFF");
                    } else {
                        from("direct:" + routeId).routeId(routeId).to(uri);
                    }
                }
            });
            assertThat(camel.getRouteController().getRouteStatus(routeId)).as(name).isEqualTo(ServiceStatus.Started);
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
    }

    private static List<String> routeIds(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Object doc = new Yaml().load(in);
            for (Object item : (List<?>) doc) {
                Object route = map(item).get("route");
                if (route != null) {
                    ids.add((String) map(route).get("id"));
                }
            }
        }
        assertThat(ids).as("every route in %s has an id", file).doesNotContainNull();
        return ids;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml().load(in));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}

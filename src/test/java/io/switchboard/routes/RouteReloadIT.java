package io.switchboard.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.SwitchboardApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With the dev profile a consultant's YAML edit is picked up while the hub runs, and the hub's own
 * Java routes keep working (routes-reload-remove-all-routes=false).
 */
class RouteReloadIT {

    @TempDir
    Path routes;

    @Test
    void aNewRouteFileIsLoadedAndTheWebhooksKeepWorking() throws Exception {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(SwitchboardApplication.class)
                .profiles("test", "dev")
                .run(
                        "--server.port=0",
                        "--camel.main.routes-include-pattern=file:" + routes + "/*.yaml",
                        "--camel.main.routes-reload-directory=" + routes)) {
            CamelContext camel = hub.getBean(CamelContext.class);
            assertThat(camel.getRoute("reload-probe")).isNull();

            Path temp = routes.resolve("reload-probe.yaml.tmp");
            Files.writeString(temp, """
                    - route:
                        id: reload-probe
                        from:
                          uri: timer:reload-probe
                          parameters:
                            repeatCount: 1
                          steps:
                            - log: reloaded
                    """);
            Files.move(temp, routes.resolve("reload-probe.yaml"), StandardCopyOption.ATOMIC_MOVE);

            await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("reload-probe") != null);
            assertThat(camel.getRoute("keyyo-notification-ingress")).isNotNull();
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/keyyo/wrong?type=SETUP")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }
}

package io.switchboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Switchboard hub: vendor call events in, one canonical call journal, connectors out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SwitchboardApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(SwitchboardApplication.class);
        // -Dswitchboard.startup-trace=true records each start-up step (bean creation, configuration
        // parsing) for /actuator/startup (expose it: --management.endpoints.web.exposure.include=
        // health,startup). Off by default: recording costs memory. BENCHMARKS.md, "Start-up".
        if (Boolean.getBoolean("switchboard.startup-trace")) {
            app.setApplicationStartup(new BufferingApplicationStartup(20000));
        }
        app.run(args);
    }
}

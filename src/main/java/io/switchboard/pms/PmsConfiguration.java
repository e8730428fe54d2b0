package io.switchboard.pms;

import io.switchboard.pms.apaleo.ApaleoClient;
import io.switchboard.pms.apaleo.ApaleoPoster;
import io.switchboard.pms.charge.PostingStore;
import io.switchboard.pms.fias.FiasConnector;
import io.switchboard.pms.fias.FiasInbound;
import io.switchboard.pms.room.RoomEvents;
import io.switchboard.pms.room.RoomIndex;
import io.switchboard.pms.room.WakeUps;
import io.switchboard.vendor.api.VendorHttp;
import io.switchboard.vendor.api.VendorHttpSettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PMS connectors, each created only when enabled in {@code switchboard.pms}. */
@Configuration(proxyBeanMethods = false)
class PmsConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "switchboard.pms.fias", name = "enabled", havingValue = "true")
    FiasConnector fiasConnector(PmsProperties pms, RoomIndex index, RoomEvents events, WakeUps wakeUps, PostingStore postings,
            ObjectProvider<MeterRegistry> meters) {
        Clock clock = Clock.systemUTC();
        FiasInbound inbound = new FiasInbound(index, events, wakeUps, RoomMapping.of(pms.rooms()), pms.zone(), clock);
        FiasConnector connector =
                new FiasConnector(pms.fias(), inbound, postings, wakeUps, pms.wakeUps().answerTimeout(), pms.zone(), clock);
        meters.ifAvailable(registry -> {
            Gauge.builder("switchboard.pms.fias.link.up", connector, c -> c.state() == FiasConnector.State.UP ? 1 : 0)
                    .description("1 while the FIAS link is up (handshake done), else 0")
                    .register(registry);
            FunctionCounter.builder("switchboard.pms.fias.handshakes", connector, FiasConnector::handshakes)
                    .description("FIAS handshakes completed (first ones and re-handshakes)")
                    .register(registry);
            FunctionCounter.builder("switchboard.pms.fias.drops", connector, FiasConnector::drops)
                    .description("FIAS connections dropped (by the PMS, by timeouts or failed writes)")
                    .register(registry);
            FunctionCounter.builder("switchboard.pms.fias.skipped", connector, FiasConnector::skippedInputs)
                    .description("Garbage, bad frames and unreadable records skipped on the FIAS link")
                    .register(registry);
            FunctionCounter.builder("switchboard.pms.fias.postings.settled", connector, FiasConnector::postingsSettled)
                    .description("Postings answered by the PMS (PA)")
                    .register(registry);
        });
        return connector;
    }

    @Bean
    @ConditionalOnProperty(prefix = "switchboard.pms.apaleo", name = "enabled", havingValue = "true")
    ApaleoPoster apaleoPoster(PmsProperties pms, PostingStore postings) {
        Clock clock = Clock.systemUTC();
        ApaleoClient client = new ApaleoClient(pms.apaleo(), new VendorHttp("apaleo", VendorHttpSettings.defaults(), clock), clock);
        return new ApaleoPoster(pms.apaleo(), pms.charges(), client, postings, clock);
    }
}

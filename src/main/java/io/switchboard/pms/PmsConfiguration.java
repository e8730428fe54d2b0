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
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PMS connectors, each created only when enabled in {@code switchboard.pms}. */
@Configuration(proxyBeanMethods = false)
class PmsConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "switchboard.pms.fias", name = "enabled", havingValue = "true")
    FiasConnector fiasConnector(PmsProperties pms, RoomIndex index, RoomEvents events, WakeUps wakeUps, PostingStore postings) {
        Clock clock = Clock.systemUTC();
        FiasInbound inbound = new FiasInbound(index, events, wakeUps, RoomMapping.of(pms.rooms()), pms.zone(), clock);
        return new FiasConnector(pms.fias(), inbound, postings, wakeUps, pms.wakeUps().answerTimeout(), pms.zone(), clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "switchboard.pms.apaleo", name = "enabled", havingValue = "true")
    ApaleoPoster apaleoPoster(PmsProperties pms, PostingStore postings) {
        Clock clock = Clock.systemUTC();
        ApaleoClient client = new ApaleoClient(pms.apaleo(), new VendorHttp("apaleo", VendorHttpSettings.defaults(), clock), clock);
        return new ApaleoPoster(pms.apaleo(), pms.charges(), client, postings, clock);
    }
}

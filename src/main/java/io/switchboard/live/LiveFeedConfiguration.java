package io.switchboard.live;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.journal.CallJournal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * The hub's websockets, on the HTTP port: {@code /api/v1/live} (live call feed, API key) and
 * {@code /webhooks/keyyo-cti/{token}/socket} (Keyyo CTI relay, source token). See
 * docs/api/live-feed.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveFeedConfiguration implements WebSocketConfigurer {

    /** Sub-protocol a browser offers next to {@code bearer.<key>}; the hub echoes it. */
    static final String SUBPROTOCOL = "switchboard.v1";

    private final LiveFeed feed;
    private final KeyyoCtiSocket ctiSocket;
    private final SwitchboardProperties properties;
    private final CallJournal journal;

    LiveFeedConfiguration(LiveFeed feed, KeyyoCtiSocket ctiSocket, SwitchboardProperties properties, CallJournal journal) {
        this.feed = feed;
        this.journal = journal;
        this.ctiSocket = ctiSocket;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        DefaultHandshakeHandler handshake = new DefaultHandshakeHandler();
        handshake.setSupportedProtocols(SUBPROTOCOL);
        registry.addHandler(new LiveFeedHandler(feed, journal), "/api/v1/live")
                .setHandshakeHandler(handshake)
                .addInterceptors(new LiveFeedHandshake(properties.defaultRegion()), new WebSocketRequestCheck())
                .setAllowedOriginPatterns("*");
        registry.addHandler(ctiSocket, "/webhooks/keyyo-cti/{token}/socket")
                .addInterceptors(ctiSocket.handshake(), new WebSocketRequestCheck())
                .setAllowedOriginPatterns("*");
    }
}

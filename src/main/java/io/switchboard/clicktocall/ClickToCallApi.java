package io.switchboard.clicktocall;

import io.switchboard.apikey.ApiKeyHeaders;
import io.switchboard.ingress.HttpReplies;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** {@code POST /api/v1/click-to-call}: 202 with the hub call id once the vendor accepted the call. */
@Component("clickToCallApi")
class ClickToCallApi {

    private final ClickToCallService service;

    ClickToCallApi(ClickToCallService service) {
        this.service = service;
    }

    public void start(Exchange exchange) {
        ClickToCallRequest request = ClickToCallRequest.parse(exchange.getMessage().getBody(String.class));
        String keyId = exchange.getMessage().getHeader(ApiKeyHeaders.KEY_ID, String.class);
        ClickToCallService.Started started = service.start(request, keyId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", started.id());
        body.put("vendor", started.vendor());
        body.put("source", started.source());
        body.put("line", started.line());
        body.put("status", "/api/v1/calls/" + started.id());
        HttpReplies.json(exchange, 202, body);
        exchange.getMessage().setHeader("Location", "/api/v1/calls/" + started.id());
    }
}

package io.switchboard.crm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.switchboard.call.Call;
import io.switchboard.call.CanonicalJson;
import io.switchboard.feed.FeedHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/** Runs a CRM sink bean the way its Kamelet does: one exchange per delivery, body = canonical call JSON. */
public final class CrmSinkHarness {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    /** The hub's dry-run recorder, as the Spring context registers it for Kamelet beans. */
    public static final DryRunRecorder DRY_RUNS = new DryRunRecorder(java.time.Clock.systemUTC());

    static {
        CAMEL.getRegistry().bind("dryRunRecorder", DRY_RUNS);
    }

    private CrmSinkHarness() {}

    public static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    public static String baseUrl(WireMockExtension wm) {
        return "http://127.0.0.1:" + wm.getPort();
    }

    /** Delivers {@code call} to {@code sink}; returns the exchange (headers set by the sink). */
    public static Exchange deliver(CrmCallSink sink, Call call) {
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(CanonicalJson.write(call));
        exchange.getMessage().setHeader(FeedHeaders.CALL_ID, call.id());
        exchange.getMessage().setHeader(FeedHeaders.CALL_STATE, call.state().name());
        sink.process(exchange);
        return exchange;
    }

    /** Common settings of test sinks: a fresh journal, short timeouts. */
    public static <T extends CrmCallSink> T configure(T sink, String connectorId, CrmRecords records) {
        sink.setConnectorId(connectorId);
        sink.setRecords(records);
        sink.setConnectTimeout(1000);
        sink.setReadTimeout(3000);
        return sink;
    }
}

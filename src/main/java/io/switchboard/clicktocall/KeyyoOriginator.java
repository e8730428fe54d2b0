package io.switchboard.clicktocall;

import io.switchboard.config.Source;
import io.switchboard.journal.CorrelationKeys;
import io.switchboard.vendor.api.VendorApiException;
import io.switchboard.vendor.keyyo.api.KeyyoApiClient;
import io.switchboard.vendor.keyyo.api.KeyyoApiSettings;
import io.switchboard.vendor.keyyo.api.KeyyoCall;
import io.switchboard.vendor.keyyo.api.KeyyoCallQueue;
import io.switchboard.vendor.keyyo.api.KeyyoLine;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keyyo {@code makecall.html} through the line's {@link KeyyoCallQueue} (one call per second per
 * line: a burst waits its turn instead of failing). Keyyo returns no id: the call is found again by
 * line and number ({@link CorrelationKeys#pending}).
 */
@Component
class KeyyoOriginator implements Originator, DisposableBean {

    /** Longest wait for a queued call's turn and Keyyo's answer before the API answers 504. */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(45);

    private final VendorClients<Queue> queues = new VendorClients<>(KeyyoOriginator::queue);

    /** A source's client and its per-line queue. */
    record Queue(KeyyoApiClient client, KeyyoCallQueue calls) implements AutoCloseable {
        @Override
        public void close() {
            calls.close();
            client.close();
        }
    }

    private static Queue queue(Source source) {
        KeyyoApiClient client = new KeyyoApiClient(new KeyyoApiSettings(
                VendorClients.baseUrl(source, KeyyoApiSettings.DEFAULT_BASE_URL),
                source.api().connectTimeout(),
                source.api().readTimeout()));
        return new Queue(client, new KeyyoCallQueue(client, KeyyoCallQueue.Settings.defaults()));
    }

    @Override
    public String vendor() {
        return "keyyo";
    }

    @Override
    public Originated originate(Placement p) {
        Source.Caller caller = p.caller();
        if (VendorClients.blank(caller.sipLogin()) || VendorClients.blank(caller.sipPassword())) {
            throw new ClickToCallNotConfiguredException(p.source().id(),
                    "api.callers[line " + caller.line() + "].sip-login and sip-password");
        }
        KeyyoLine line = new KeyyoLine(keyyoNumber(caller.line()), caller.sipLogin(), caller.sipPassword());
        KeyyoCall call = new KeyyoCall(keyyoNumber(p.number()), p.displayName(),
                VendorClients.blank(caller.callerId()) ? null : keyyoNumber(caller.callerId()), false);
        await(queues.of(p.source()).calls().submit(line, call), line.account());
        return new Originated(null, Set.of(CorrelationKeys.pending(p.line(), p.number())), Map.of());
    }

    /** Keyyo writes numbers international without {@code +}. */
    static String keyyoNumber(String number) {
        String n = number.trim();
        return n.startsWith("+") ? n.substring(1) : n;
    }

    private static void await(CompletableFuture<Void> placed, String account) {
        try {
            placed.get(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            placed.cancel(false);
            throw VendorApiException.of("keyyo", KeyyoCallQueue.OPERATION, VendorApiException.Kind.TIMEOUT)
                    .detail("line " + account + ": the call did not get Keyyo's answer within " + QUEUE_WAIT.toSeconds()
                            + " s (queued behind other calls of the line)")
                    .build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VendorApiException vendor) {
                throw vendor;
            }
            throw VendorApiException.of("keyyo", KeyyoCallQueue.OPERATION, VendorApiException.Kind.VENDOR_ERROR)
                    .detail("line " + account + ": " + e.getCause())
                    .cause(e.getCause())
                    .build();
        } catch (CancellationException e) {
            throw VendorApiException.of("keyyo", KeyyoCallQueue.OPERATION, VendorApiException.Kind.UNAVAILABLE)
                    .detail("line " + account + ": the queued call was cancelled")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            placed.cancel(false);
            throw VendorApiException.of("keyyo", KeyyoCallQueue.OPERATION, VendorApiException.Kind.UNAVAILABLE)
                    .detail("line " + account + ": interrupted while waiting")
                    .build();
        }
    }

    @Override
    public void destroy() {
        queues.close();
    }
}

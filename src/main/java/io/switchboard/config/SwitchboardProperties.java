package io.switchboard.config;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything under {@code switchboard:} in {@code config/switchboard.yaml}. Every key is
 * documented in that file.
 *
 * @param publicBaseUrl the address vendors reach the hub at; used to print each source's URL
 * @param defaultRegion region used to read numbers in API filters (ISO 3166 code)
 * @param ingress limits applied to every vendor request
 * @param sources the vendor accounts the hub accepts events from
 */
@Validated
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("FR") String defaultRegion,
        @DefaultValue Ingress ingress,
        @Valid List<Source> sources) {

    public SwitchboardProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        long distinct = sources.stream().map(Source::id).distinct().count();
        if (distinct != sources.size()) {
            throw new IllegalArgumentException("switchboard.sources: every source needs a distinct id");
        }
    }

    /**
     * @param maxBodyBytes largest request body accepted (413 above it)
     * @param signatureWindow how far a signed timestamp may be from the hub's clock (udesk)
     * @param inboxBatchSize most inbox rows committed in one group commit
     * @param inboxLinger how long the inbox writer lets more requests join a group commit before
     *     committing it (until {@code InboxWriter.FULL_ENOUGH} have gathered): a commit costs about
     *     the same whatever it carries, so under load dozens share one instead of a few. Adds at most
     *     this much to each webhook's answer; zero commits whatever has queued at once
     * @param processorLinger how long the inbox processor, once it has caught up, lets new rows
     *     gather before it translates them (like Kafka's {@code linger.ms}): each journal commit
     *     costs about the same whatever it carries, so a few larger commits cost less CPU than one
     *     per request. Adds at most this much to the time from acknowledgement to journal; zero
     *     processes each commit's rows at once
     */
    public record Ingress(
            @DefaultValue("262144") int maxBodyBytes,
            @DefaultValue("10m") Duration signatureWindow,
            @DefaultValue("512") int inboxBatchSize,
            @DefaultValue("20ms") Duration processorLinger,
            @DefaultValue("1ms") Duration inboxLinger) {

        public Ingress {
            if (inboxLinger == null || inboxLinger.isNegative() || inboxLinger.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException(
                        "switchboard.ingress.inbox-linger must be between 0 and 1s (it delays every webhook's answer)");
            }
            if (processorLinger == null || processorLinger.isNegative()) {
                throw new IllegalArgumentException("switchboard.ingress.processor-linger must be zero or more");
            }
        }
    }
}

package io.switchboard.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code batchSize} option of {@code switchboard:calls}: 0 (the default) follows {@code concurrency}. */
class BatchSizeOptionTest {

    private final CallFeedEndpoint endpoint = new CallFeedEndpoint("switchboard:calls?subscription=s", null, null, null);

    @Test
    void byDefaultSixteenPerConcurrentDeliveryAndAtLeastOneHundred() {
        assertThat(endpoint.getBatchSize()).isEqualTo(100);
        endpoint.setConcurrency(6);
        assertThat(endpoint.getBatchSize()).isEqualTo(100);
        endpoint.setConcurrency(7);
        assertThat(endpoint.getBatchSize()).isEqualTo(112);
        endpoint.setConcurrency(32);
        assertThat(endpoint.getBatchSize()).isEqualTo(512);
    }

    @Test
    void aSetBatchSizeIsTakenAsItIs() {
        endpoint.setConcurrency(32);
        endpoint.setBatchSize(40);
        assertThat(endpoint.getBatchSize()).isEqualTo(40);
    }

    @Test
    void aNegativeBatchSizeFailsTheRouteStartWithTheAcceptedValues() {
        endpoint.setSubscription("s");
        endpoint.setBatchSize(-1);
        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize must be 0 (automatic) or more, was -1");
    }
}

package io.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpWorkerPoolTest {

    @Test
    void admitsThreadsPlusQueueAndRefusesTheNextAtOnce() throws Exception {
        HttpWorkerPool pool = new HttpWorkerPool(1, 1);
        pool.enter();
        assertThat(pool.active()).isEqualTo(1);
        assertThat(pool.queued()).isZero();

        CountDownLatch admitted = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            pool.enter(); // waits for the running request's place
            admitted.countDown();
            pool.exit();
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.queued() == 1);

        assertThatThrownBy(pool::enter).isInstanceOf(RejectedExecutionException.class);
        assertThat(pool.active()).as("a refused request takes no place").isEqualTo(1);
        assertThat(pool.queued()).isEqualTo(1);

        pool.exit();
        assertThat(admitted.await(10, TimeUnit.SECONDS)).isTrue();
        waiter.join(10_000);
        assertThat(pool.active()).isZero();
        assertThat(pool.queued()).isZero();
        pool.enter(); // free again
        pool.exit();
    }

    @Test
    void containerThreadsCoverEveryAdmittedRequestAndSomeToRefuse() {
        assertThat(new HttpWorkerPool(64, 256).containerThreads()).isGreaterThan(64 + 256);
    }
}

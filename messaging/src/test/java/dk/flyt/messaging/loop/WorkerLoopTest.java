package dk.flyt.messaging.loop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The performance issue: a worker (the outbox relay, the hub link's sender and inbox) runs as soon as a commit gave it
 * work, not at its next interval. The interval here is an hour, so a pass that was not woken would never come within
 * the test; nothing is timed.
 */
class WorkerLoopTest {
    private static final Duration AN_HOUR = Duration.ofHours(1);

    private final Semaphore passes = new Semaphore(0);
    private final AtomicInteger more = new AtomicInteger();
    private final WorkerLoop loop = new WorkerLoop("test-loop", AN_HOUR, () -> {
        passes.release();
        return more.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    });

    @AfterEach
    void stop() {
        loop.stop();
    }

    @Test
    void aCommitThatGaveItWorkWakesItAtOnce() throws InterruptedException {
        startAndIdle();
        FakeTransaction tx = new FakeTransaction();

        loop.wakeAfterCommit(tx);
        assertThat(passes.tryAcquire(200, TimeUnit.MILLISECONDS))
                .as("nothing runs before the transaction ends")
                .isFalse();
        tx.complete(Status.STATUS_COMMITTED);

        assertThat(passes.tryAcquire(30, TimeUnit.SECONDS))
                .as("the commit woke the loop")
                .isTrue();
    }

    @Test
    void aRolledBackTransactionDoesNotWakeIt() throws InterruptedException {
        startAndIdle();
        FakeTransaction tx = new FakeTransaction();

        loop.wakeAfterCommit(tx);
        tx.complete(Status.STATUS_ROLLEDBACK);

        assertThat(passes.tryAcquire(500, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aWakeDuringAPassIsNotLost() throws InterruptedException {
        Semaphore inPass = new Semaphore(0);
        Semaphore release = new Semaphore(0);
        AtomicInteger count = new AtomicInteger();
        WorkerLoop slow = new WorkerLoop("slow-loop", AN_HOUR, () -> {
            if (count.incrementAndGet() == 1) {
                inPass.release();
                release.acquireUninterruptibly();
            } else {
                passes.release();
            }
            return false;
        });
        try {
            slow.start();
            assertThat(inPass.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            // work committed while the first pass still runs: the loop must not then sleep for its interval
            slow.wake();
            release.release();
            assertThat(passes.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            slow.stop();
        }
    }

    @Test
    void aPassThatLeftMoreRunsAgainWithoutWaiting() throws InterruptedException {
        more.set(3);
        loop.start();

        // the pass at start, then the three it said there was more for, with nobody waking it
        assertThat(passes.tryAcquire(4, 30, TimeUnit.SECONDS)).isTrue();
    }

    private void startAndIdle() throws InterruptedException {
        loop.start();
        assertThat(passes.tryAcquire(30, TimeUnit.SECONDS))
                .as("the pass at start")
                .isTrue();
    }

    /** Only what WorkerLoop uses: the synchronizations, completed as the transaction manager would. */
    static final class FakeTransaction implements TransactionSynchronizationRegistry {
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(status));
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}

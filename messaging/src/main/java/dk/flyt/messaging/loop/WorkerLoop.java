package dk.flyt.messaging.loop;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A background worker on its own daemon thread: runs a pass whenever it is woken (typically after a commit that gave
 * it work) and otherwise every {@code interval}. A pass returns true while there is more to do right away. The
 * Quarkus scheduler runs nothing more often than once a second; this runs as soon as there is work.
 */
public final class WorkerLoop {
    private static final Logger LOG = Logger.getLogger(WorkerLoop.class);

    private final String name;
    private final Duration interval;
    private final BooleanSupplier pass;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private Thread thread;

    public WorkerLoop(String name, Duration interval, BooleanSupplier pass) {
        this.name = name;
        this.interval = interval;
        this.pass = pass;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        stopping = true;
        wake();
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Run a pass now rather than at the next interval. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Wakes the loop once the current transaction commits (not if it rolls back). */
    public void wakeAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    private void run() {
        while (!stopping) {
            boolean more;
            try {
                more = pass.getAsBoolean();
            } catch (RuntimeException e) {
                more = false;
                if (!stopping) {
                    LOG.warnf("%s: pass failed, retrying after %s: %s", name, interval, e.toString());
                }
            }
            if (!more) {
                await();
            }
        }
    }

    private void await() {
        synchronized (signal) {
            if (!woken && !stopping) {
                try {
                    signal.wait(Math.max(1, interval.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            woken = false;
        }
    }
}

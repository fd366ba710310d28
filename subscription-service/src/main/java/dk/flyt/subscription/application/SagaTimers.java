package dk.flyt.subscription.application;

import dk.flyt.subscription.persistence.Records;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Fires due saga timers, one per transaction, each locked with {@code SKIP LOCKED} so that several replicas never
 * fire the same one. A timer whose work fails stays due and is tried again on the next pass.
 */
@ApplicationScoped
public class SagaTimers {
    private static final Logger LOG = Logger.getLogger(SagaTimers.class);
    private static final int MAX_PER_PASS = 500;

    private final Records records;
    private final OrderSaga saga;
    private final SubscriptionLifecycle lifecycle;
    private final PlanChanges planChanges;
    private final OwnershipTransfers transfers;
    private final TermsChanges terms;
    private final Clock clock;

    public SagaTimers(
            Records records,
            OrderSaga saga,
            SubscriptionLifecycle lifecycle,
            PlanChanges planChanges,
            OwnershipTransfers transfers,
            TermsChanges terms,
            Clock clock) {
        this.records = records;
        this.saga = saga;
        this.lifecycle = lifecycle;
        this.planChanges = planChanges;
        this.transfers = transfers;
        this.terms = terms;
        this.clock = clock;
    }

    @Scheduled(
            every = "${flyt.subscription.timers-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "saga-timers")
    void pass() {
        int fired = fireDue();
        if (fired > 0) {
            LOG.debugf("%d saga timer(s) fired", fired);
        }
    }

    /** Fires every timer due by the clock's now; returns how many fired. */
    public int fireDue() {
        int fired = 0;
        while (fired < MAX_PER_PASS) {
            Instant now = clock.instant();
            boolean one;
            try {
                one = QuarkusTransaction.requiringNew().call(() -> fireOne(now));
            } catch (RuntimeException e) {
                LOG.errorf(e, "A saga timer failed; it stays due");
                return fired;
            }
            if (!one) {
                return fired;
            }
            fired++;
        }
        return fired;
    }

    private boolean fireOne(Instant now) {
        Optional<Records.Timer> due = records.lockNextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        Records.Timer t = due.get();
        // marked first: a handler may set the same timer again (a credit check asked once more), which unmarks it
        records.fired(t.id(), now);
        switch (TimerKind.valueOf(t.kind())) {
            case CREDIT_RETRY -> saga.retryCreditCheck(t.aggregateId());
            case ACCEPTANCE_LAPSE -> saga.lapse(t.aggregateId());
            case ACTIVATION_DUE -> saga.activateNewNumber(t.aggregateId(), "latest activation day reached (R-SUB-01)");
            case PLAN_CHANGE -> planChanges.planChangeDue(t.aggregateId());
            case SUBSCRIPTION_END -> lifecycle.endDue(t.aggregateId());
            case TRANSFER_LAPSE -> transfers.transferLapsed(t.aggregateId());
            case TERMS_CHANGE -> terms.due(t.aggregateId());
        }
        return true;
    }
}

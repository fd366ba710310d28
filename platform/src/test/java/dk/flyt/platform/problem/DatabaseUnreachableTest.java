package dk.flyt.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A database restart mid-request is the service's passing trouble, not a client's mistake nor an unexpected error: a
 * 503 with Retry-After, found by the fault workload (FaultWorkloadTest) as a 500 on a checkout.
 */
class DatabaseUnreachableTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusedOrLostConnectionAnywhereInTheCausesIsA503WithRetryAfter() {
        var refused = new IllegalStateException(
                "Unable to acquire JDBC Connection", new SQLException("Connection refused", "08001"));
        var r = mappers.unexpected(new RuntimeException("commit failed", refused), null);

        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(((Problem) r.getEntity()).type()).isEqualTo(Problem.type("temporarily-unavailable"));
    }

    @Test
    void aServerShuttingDownAndAPoolWithoutConnectionsAreUnreachableToo() {
        assertThat(dk.flyt.platform.sql.DatabaseUnreachable.in(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(dk.flyt.platform.sql.DatabaseUnreachable.in(
                        new SQLTransientConnectionException("acquisition timeout")))
                .isTrue();
    }

    @Test
    void aCommitTheServerCutOffIsUnreachableThoughTheDriversExceptionIsOnlySuppressed() {
        // as Narayana reports it: the rollback exception, the XA error suppressed, the driver's exception its cause
        var xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        var rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);

        assertThat(mappers.unexpected(new RuntimeException("Error invoking subclass method", rollback), null)
                        .getStatus())
                .isEqualTo(503);
    }

    @Test
    void anyOtherFailureStaysAnInternalErrorWithItsId() {
        assertThat(dk.flyt.platform.sql.DatabaseUnreachable.in(new SQLException("duplicate key", "23505")))
                .isFalse();
        var r = mappers.unexpected(new IllegalStateException("a bug"), null);
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(((Problem) r.getEntity()).detail()).contains("quote error id");
    }
}

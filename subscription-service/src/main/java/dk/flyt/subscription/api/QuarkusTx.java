package dk.flyt.subscription.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;

/** A read in a transaction of its own, after a use case has committed. */
final class QuarkusTx {
    static <T> T read(Callable<T> work) {
        return QuarkusTransaction.joiningExisting().call(work);
    }

    private QuarkusTx() {}
}

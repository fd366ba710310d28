package dk.flyt.billing.provider;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payment provider for local runs and tests that behaves like one: it approves, declines (payment references
 * starting {@code declined}) or is unavailable (starting {@code unavailable}) and answers a repeated idempotency key
 * with its first answer, never charging twice. {@link #behave} changes a reference's behaviour at run time.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(SimulatedPaymentProvider.class)
public class SimulatedPaymentProvider implements PaymentProvider {
    public enum Behaviour {
        APPROVE,
        DECLINE,
        UNAVAILABLE
    }

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, Result> answered = new ConcurrentHashMap<>();
    private final Map<String, Long> takenByRef = new ConcurrentHashMap<>();

    public void behave(String paymentRef, Behaviour behaviour) {
        behaviours.put(paymentRef, behaviour);
    }

    /** What the simulated provider has taken from a payment reference in all. */
    public long taken(String paymentRef) {
        return takenByRef.getOrDefault(paymentRef, 0L);
    }

    @Override
    public Result charge(String paymentRef, long amountOre, String idempotencyKey) {
        Result earlier = answered.get(idempotencyKey);
        if (earlier != null) {
            return earlier;
        }
        Behaviour b = behaviours.getOrDefault(paymentRef, defaultFor(paymentRef));
        Result result =
                switch (b) {
                    case APPROVE -> new Approved("sim-" + UUID.randomUUID());
                    case DECLINE -> new Declined("card declined");
                    case UNAVAILABLE -> new Unavailable("provider timeout");
                };
        if (!(result instanceof Unavailable)) {
            answered.put(idempotencyKey, result);
        }
        if (result instanceof Approved) {
            takenByRef.merge(paymentRef, amountOre, Long::sum);
        }
        return result;
    }

    private static Behaviour defaultFor(String paymentRef) {
        if (paymentRef.startsWith("declined")) {
            return Behaviour.DECLINE;
        }
        if (paymentRef.startsWith("unavailable")) {
            return Behaviour.UNAVAILABLE;
        }
        return Behaviour.APPROVE;
    }
}

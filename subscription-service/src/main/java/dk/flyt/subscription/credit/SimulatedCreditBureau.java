package dk.flyt.subscription.credit;

import dk.flyt.subscription.application.CreditBureau;
import dk.flyt.subscription.domain.CreditDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A credit bureau for local runs and tests, behaving like one: it approves, refuses with a reason code, or does not
 * answer in time. By default the last four digits decide, so a demo can show each outcome: {@code 9999} refused as
 * registered bad payer ({@code RKI}), {@code 9998} refused for an address the bureau cannot confirm
 * ({@code ADDRESS_UNKNOWN}), {@code 9997} times out; tests may set a behaviour per subject. Selected with
 * {@code flyt.adapters.credit-bureau=simulated}, in the dev and test profiles only; the real adapter is
 * {@link HttpCreditBureau}.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(SimulatedCreditBureau.class)
public class SimulatedCreditBureau implements CreditBureau {
    public enum Behaviour {
        APPROVE,
        REFUSE_RKI,
        REFUSE_ADDRESS,
        TIME_OUT
    }

    private final Map<String, Behaviour> bySubject = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    public void behave(String cprOrCvr, Behaviour behaviour) {
        bySubject.put(digits(cprOrCvr), behaviour);
    }

    /** How often the bureau was asked about a subject. */
    public int calls(String cprOrCvr) {
        return calls.getOrDefault(digits(cprOrCvr), 0);
    }

    @Override
    public CreditDecision check(String cprOrCvr, String postalCode) {
        String key = digits(cprOrCvr);
        calls.merge(key, 1, Integer::sum);
        Behaviour b = bySubject.getOrDefault(key, byConvention(key));
        return switch (b) {
            case APPROVE -> new CreditDecision.Approved();
            case REFUSE_RKI -> new CreditDecision.Refused("RKI");
            case REFUSE_ADDRESS -> new CreditDecision.Refused("ADDRESS_UNKNOWN");
            case TIME_OUT -> new CreditDecision.Unavailable("the credit bureau did not answer in time");
        };
    }

    private static Behaviour byConvention(String digits) {
        if (digits.endsWith("9999")) {
            return Behaviour.REFUSE_RKI;
        }
        if (digits.endsWith("9998")) {
            return Behaviour.REFUSE_ADDRESS;
        }
        if (digits.endsWith("9997")) {
            return Behaviour.TIME_OUT;
        }
        return Behaviour.APPROVE;
    }

    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }
}

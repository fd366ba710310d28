package dk.flyt.subscription.application;

import dk.flyt.subscription.domain.CreditDecision;

/**
 * The credit bureau (R-ORD-04). The subject is the CPR or CVR number: it goes to the bureau and nowhere else. An
 * adapter answers {@link CreditDecision.Unavailable} when the bureau does not answer in time; it never throws for it.
 */
public interface CreditBureau {
    CreditDecision check(String cprOrCvr, String postalCode);
}

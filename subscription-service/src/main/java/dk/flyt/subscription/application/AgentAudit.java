package dk.flyt.subscription.application;

import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every agent action, with the agent's identity (R-DATA-02); every look at a full CPR number with its reason. Kept
 * in the shared {@link AuditTrail}.
 */
@ApplicationScoped
public class AgentAudit {
    private final AuditTrail trail;

    public AgentAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Records the action when the caller is an agent; other callers act for themselves and are not audited here. */
    public void record(Caller caller, String action, String customerId, String target, String reason) {
        trail.record(caller, action, customerId, target, reason);
    }
}

package dk.flyt.subscription.application;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.security.Caller;
import dk.flyt.subscription.persistence.Records;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** Every agent action, with the agent's identity (R-DATA-02); every look at a full CPR number with its reason. */
@ApplicationScoped
public class AgentAudit {
    private final Records records;
    private final Clock clock;

    public AgentAudit(Records records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Records the action when the caller is an agent; other callers act for themselves and are not audited here. */
    @Transactional
    public void record(Caller caller, String action, String customerId, String target, String reason) {
        if (caller.hasRole(Roles.AGENT)) {
            records.audit(clock.instant(), caller.subject(), action, customerId, target, reason);
        }
    }

    @Transactional
    public List<Records.AuditEntry> ofCustomer(String customerId) {
        return records.auditOfCustomer(customerId);
    }
}

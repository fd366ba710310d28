package dk.flyt.contracts.audit;

import java.time.Instant;

/**
 * The audit entries porting and billing publish on their own topics, so that the subscription service holds every
 * agent action and read of a customer across the services in one list (R-DATA-02, ADR 0008). Ids, actions and
 * reasons only, never personal data.
 */
public final class AuditEvents {
    public static final int VERSION = 1;
    public static final String AUDIT_RECORDED = "AuditRecorded";

    /**
     * One agent action or read. {@code entryId} is the entry's id in {@code service}, so a redelivered entry is
     * collected once; {@code contactId} is the contact it was made in.
     */
    public record AuditRecorded(
            String entryId,
            Instant at,
            String service,
            String actor,
            String action,
            String customerId,
            String target,
            String reason,
            String contactId) {}

    private AuditEvents() {}
}

package dk.flyt.platform.audit;

import dk.flyt.contracts.audit.AuditEvents.AuditRecorded;

/**
 * Hands an audit entry on to the service that collects them all (the subscription service, ADR 0008), in the
 * transaction that recorded it. Services without one keep their entries to themselves.
 */
public interface AuditPublisher {
    void publish(AuditRecorded entry);
}

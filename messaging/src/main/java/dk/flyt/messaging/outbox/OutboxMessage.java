package dk.flyt.messaging.outbox;

import java.util.Objects;

/**
 * One event or command to publish. {@code type} is the wire name (a past-tense fact such as
 * {@code PortInScheduled}, or an imperative command such as {@code RequestPortIn}), never a Java class name. The
 * payload must hold ids only, no personal data (R-DATA-01).
 */
public record OutboxMessage(
        String topic, String aggregateType, String aggregateId, String type, int schemaVersion, Object payload) {
    public OutboxMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be 1 or more");
        }
    }
}

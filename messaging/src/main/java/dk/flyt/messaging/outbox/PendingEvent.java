package dk.flyt.messaging.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row waiting to be published. */
record PendingEvent(
        long seq,
        UUID id,
        String topic,
        String aggregateType,
        String aggregateId,
        String type,
        String payload,
        int schemaVersion,
        OffsetDateTime occurredAt) {

    String aggregateKey() {
        return aggregateType + ':' + aggregateId;
    }
}

package dk.flyt.messaging.inbox;

/**
 * A message as a handler sees it: the CloudEvents attributes (id, type, source, subject) from the record's headers, the Kafka key and the JSON
 * payload. {@code id} is the CloudEvents id, or {@code topic-partition-offset} for a record that has none.
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        String key,
        String topic,
        int partition,
        long offset,
        String payload) {}

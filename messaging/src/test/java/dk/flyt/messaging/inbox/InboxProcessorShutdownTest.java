package dk.flyt.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * Found by the saga benchmark: a service stopping with records in flight ran their attempts against a closed
 * datasource and sent them to the dead-letter topic. From the shutdown on, a record is left unacknowledged for
 * redelivery instead.
 */
class InboxProcessorShutdownTest {
    @Test
    void aRecordArrivingDuringShutdownIsNeitherAppliedNorDeadLettered() {
        // no inbox, no dead letters, no metrics: anything the processor touched would fail the test
        InboxProcessor processor = new InboxProcessor(null, null, null, null);
        processor.onShutdown(null);
        AtomicBoolean handled = new AtomicBoolean();
        AtomicBoolean acked = new AtomicBoolean();
        AtomicBoolean nacked = new AtomicBoolean();
        ConsumerRecord<String, String> record = new ConsumerRecord<>("porting.commands", 0, 7L, "order-1", "{}");
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "RequestPortIn".getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of("{}", Metadata.of(new IncomingKafkaRecordMetadata<>(record, "commands")))
                .withAck(() -> {
                    acked.set(true);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    nacked.set(true);
                    return CompletableFuture.completedFuture(null);
                });

        CompletionStage<Void> outcome = processor.process("porting-service.commands", message, e -> handled.set(true));

        assertThat(outcome.toCompletableFuture()).isNotDone();
        assertThat(handled).isFalse();
        assertThat(acked).as("its offset is not committed").isFalse();
        assertThat(nacked).as("not sent to the dead-letter topic").isFalse();
    }
}

package dk.flyt.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "flyt.messaging")
public interface MessagingConfig {
    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code /porting-service}. */
    @WithDefault("/flyt")
    String source();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** Pause between relay passes (the relay also drains full batches back to back). */
        @WithDefault("0.2s")
        Duration pollInterval();

        /** Most events one relay pass takes. */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker's acknowledgement of a batch. */
        @WithDefault("10s")
        Duration sendTimeout();

        /**
         * Refusals the broker calls permanent (not retriable) before an event is marked failed. Retriable errors (the
         * broker is away, a timeout) never fail an event.
         */
        @WithDefault("3")
        int maxPermanentFailures();

        /** How long published events stay in the table for inspection before they are purged. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Consumer {
        /** Attempts per message, each in its own transaction, before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause before the second attempt; doubled for each one after. */
        @WithDefault("200ms")
        Duration backoff();

        /** How long processed message ids are remembered for duplicate suppression. */
        @WithDefault("30d")
        Duration inboxRetention();

        /**
         * The CloudEvents source that owns a topic, for topics {@link dk.flyt.contracts.Topics#producer} does not
         * know (a test's own topic): {@code flyt.messaging.consumer.sources."test.things.in"=/test}.
         */
        java.util.Map<String, String> sources();
    }
}

package dk.flyt.contracts;

/**
 * Kafka topic names, {@code <owner>.<kind>}. The key of every record is the aggregate id, so that one
 * aggregate's messages stay in order on one partition.
 */
public final class Topics {
    public static final String SUBSCRIPTION_EVENTS = "subscription.events";
    public static final String PORTING_COMMANDS = "porting.commands";
    public static final String PORTING_EVENTS = "porting.events";
    public static final String BILLING_EVENTS = "billing.events";

    /**
     * The one service that writes each topic, as its CloudEvents {@code source}. A consumer accepts a record only
     * from its topic's producer (the security issue: a {@code CompensationGranted} written by anyone who can reach
     * the broker is not a compensation).
     */
    public static java.util.Optional<String> producer(String topic) {
        return java.util.Optional.ofNullable(
                switch (topic) {
                    case SUBSCRIPTION_EVENTS, PORTING_COMMANDS -> "/subscription-service";
                    case PORTING_EVENTS -> "/porting-service";
                    case BILLING_EVENTS -> "/billing-adapter";
                    default -> null;
                });
    }

    /**
     * Every topic the services use, each followed by its dead-letter topic: what the broker must hold before the
     * services start (Strimzi's KafkaTopic resources in {@code k8s/base/kafka/topics.yaml}; the local stack's and the
     * tests' broker creates them at its start). A consumer that finds its topic missing waits for a rebalance once
     * it appears, and the first records wait with it.
     */
    public static java.util.List<String> all() {
        return java.util.stream.Stream.of(SUBSCRIPTION_EVENTS, PORTING_COMMANDS, PORTING_EVENTS, BILLING_EVENTS)
                .flatMap(t -> java.util.stream.Stream.of(t, deadLetter(t)))
                .toList();
    }

    /** Where a consumer parks a message it could not handle after its bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}

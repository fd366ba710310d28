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

    /** Where a consumer parks a message it could not handle after its bounded retries. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}

package dk.flyt.messaging.inbox;

/** The effect of one message. It runs inside the transaction that also records the message as processed. */
@FunctionalInterface
public interface EventHandler {
    void handle(IncomingEvent event) throws Exception;
}

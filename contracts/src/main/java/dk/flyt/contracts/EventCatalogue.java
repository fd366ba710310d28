package dk.flyt.contracts;

import dk.flyt.contracts.audit.AuditEvents;
import dk.flyt.contracts.billing.BillingEvents;
import dk.flyt.contracts.porting.PortingCommands;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What travels on each topic: its producer, its consumers and the message types (the records of one
 * events class, each a CloudEvents {@code ce_type} of the same name). The AsyncAPI document in {@code
 * src/main/resources/asyncapi/flyt-events.yaml} describes the same, and a test holds the two together.
 */
public final class EventCatalogue {
    /** One topic. {@code messages} are the records its producer may write there, by name. */
    public record Channel(
            String topic, String producer, List<String> consumers, int version, List<Class<?>> messages) {}

    public static List<Channel> channels() {
        return List.of(
                new Channel(
                        Topics.SUBSCRIPTION_EVENTS,
                        "subscription-service",
                        List.of("porting-service", "billing-adapter"),
                        SubscriptionEvents.VERSION,
                        events(SubscriptionEvents.class)),
                new Channel(
                        Topics.PORTING_COMMANDS,
                        "subscription-service",
                        List.of("porting-service"),
                        PortingCommands.VERSION,
                        events(PortingCommands.class)),
                new Channel(
                        Topics.PORTING_EVENTS,
                        "porting-service",
                        List.of("subscription-service", "billing-adapter"),
                        PortingEvents.VERSION,
                        with(events(PortingEvents.class), AuditEvents.AuditRecorded.class)),
                new Channel(
                        Topics.BILLING_EVENTS,
                        "billing-adapter",
                        List.of("subscription-service"),
                        BillingEvents.VERSION,
                        with(events(BillingEvents.class), AuditEvents.AuditRecorded.class)));
    }

    /**
     * The records declared in an events class that are events, by name: a record that is only a part
     * of another (a component's element type) is not.
     */
    static List<Class<?>> events(Class<?> eventsClass) {
        List<Class<?>> records = Arrays.stream(eventsClass.getDeclaredClasses())
                .filter(Class::isRecord)
                .sorted(java.util.Comparator.comparing(Class::getSimpleName))
                .collect(Collectors.toList());
        Set<Class<?>> parts = records.stream()
                .flatMap(r -> Arrays.stream(r.getRecordComponents()))
                .map(c -> c.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                        ? p.getActualTypeArguments()[0]
                        : c.getType())
                .filter(t -> t instanceof Class<?> k && k.isRecord())
                .map(t -> (Class<?>) t)
                .collect(Collectors.toSet());
        records.removeAll(parts);
        return List.copyOf(records);
    }

    private static List<Class<?>> with(List<Class<?>> events, Class<?> more) {
        List<Class<?>> all = new ArrayList<>(events);
        all.add(more);
        return List.copyOf(all);
    }

    private EventCatalogue() {}
}

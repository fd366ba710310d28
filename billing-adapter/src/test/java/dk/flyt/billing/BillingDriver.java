package dk.flyt.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.billing.application.BillingFacts;
import dk.flyt.billing.application.Ledger;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.messaging.inbox.InboxProcessor;
import dk.flyt.messaging.inbox.IncomingEvent;
import dk.flyt.platform.time.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Drives billing through the same path the Kafka consumers take (inbox, then {@link BillingFacts}), one event at a
 * time and synchronously, so that tests choose the order and timing of every fact. Reads the ledger as it is.
 */
@ApplicationScoped
public class BillingDriver {
    private final InboxProcessor inbox;
    private final BillingFacts facts;
    private final ObjectMapper json;
    private final MutableClock clock;
    private final EntityManager em;
    private final Ledger ledger;

    public BillingDriver(
            InboxProcessor inbox,
            BillingFacts facts,
            ObjectMapper json,
            MutableClock clock,
            EntityManager em,
            Ledger ledger) {
        this.inbox = inbox;
        this.facts = facts;
        this.json = json;
        this.clock = clock;
        this.em = em;
        this.ledger = ledger;
    }

    /** Moves the business clock to a Copenhagen local time. */
    public void at(String localDateTime) {
        clock.set(LocalDateTime.parse(localDateTime).atZone(BusinessTime.ZONE).toInstant());
    }

    /** Delivers a fact; returns its event id (deliver it again with {@link #redeliver}). */
    public String deliver(Object event) {
        String id = UUID.randomUUID().toString();
        redeliver(id, event);
        return id;
    }

    /** Delivers an event with a given id: the second delivery of an id has no effect. */
    public boolean redeliver(String eventId, Object event) {
        String type = event.getClass().getSimpleName();
        boolean porting = event.getClass().getEnclosingClass() == PortingEvents.class;
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        String topic = porting ? Topics.PORTING_EVENTS : Topics.SUBSCRIPTION_EVENTS;
        IncomingEvent incoming =
                new IncomingEvent(eventId, type, Topics.producer(topic).orElse(null), null, null, topic, 0, 0, payload);
        return porting
                ? inbox.processOnce("billing-adapter.porting", incoming, facts::portingEvent)
                : inbox.processOnce("billing-adapter.subscriptions", incoming, facts::subscriptionEvent);
    }

    public record Entry(String cause, String kind, long amount, String subscriptionId, YearMonth month) {}

    /** The customer's entries, in the order they were booked. */
    @SuppressWarnings("unchecked")
    public List<Entry> entries(String customer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows =
                    em.createNativeQuery("""
                            SELECT cause, kind, amount_ore, subscription_id, period_month FROM ledger_entry
                            WHERE customer_id = :c ORDER BY id
                            """).setParameter("c", customer).getResultList();
            return rows.stream()
                    .map(r -> new Entry(
                            (String) r[0],
                            (String) r[1],
                            ((Number) r[2]).longValue(),
                            (String) r[3],
                            r[4] == null ? null : YearMonth.from(Ledger.date(r[4]))))
                    .toList();
        });
    }

    /** cause → amount, for the customer. */
    public Map<String, Long> byCause(String customer) {
        return entries(customer).stream().collect(Collectors.toMap(Entry::cause, Entry::amount));
    }

    public long balance(String customer) {
        return ledger.balance(customer);
    }

    /** The sum of the subscription's entries for a month (negative: charged). */
    public long month(String customer, String subscription, String month) {
        return entries(customer).stream()
                .filter(e -> subscription.equals(e.subscriptionId())
                        && YearMonth.parse(month).equals(e.month()))
                .mapToLong(Entry::amount)
                .sum();
    }

    // --- facts, as the owning services publish them

    public static SubscriptionEvents.SubscriptionActivated activated(
            String subscription, String customer, String plan, long price, String on, String bindingEnds) {
        return new SubscriptionEvents.SubscriptionActivated(
                subscription,
                customer,
                "+4591000000",
                "8945010000000000001",
                plan,
                price,
                LocalDate.parse(on),
                bindingEnds == null ? null : LocalDate.parse(bindingEnds));
    }

    public static SubscriptionEvents.OrderApproved approved(
            String order, String customer, long fee, String... subscriptions) {
        return new SubscriptionEvents.OrderApproved(order, customer, fee, fee == 0, List.of(subscriptions));
    }

    public static SubscriptionEvents.PlanChanged planChanged(
            String subscription, String change, String plan, long price, String effective) {
        return new SubscriptionEvents.PlanChanged(subscription, change, plan, price, LocalDate.parse(effective));
    }

    public static SubscriptionEvents.TermsChangeAnnounced priceChange(
            String change, String plan, long price, String announced, String effective) {
        return new SubscriptionEvents.TermsChangeAnnounced(
                change, plan, price, LocalDate.parse(announced), LocalDate.parse(effective), false);
    }

    public static SubscriptionEvents.OrderWithdrawn withdrawn(
            String order, String customer, String on, SubscriptionEvents.WithdrawnLine... lines) {
        List<SubscriptionEvents.WithdrawnLine> all = List.of(lines);
        return new SubscriptionEvents.OrderWithdrawn(
                order,
                customer,
                all.stream()
                        .map(SubscriptionEvents.WithdrawnLine::subscriptionId)
                        .toList(),
                LocalDate.parse(on),
                all.stream()
                        .mapToLong(SubscriptionEvents.WithdrawnLine::voiceSecondsUsed)
                        .sum(),
                all.stream()
                        .mapToLong(SubscriptionEvents.WithdrawnLine::dataMegabytesUsed)
                        .sum(),
                UUID.randomUUID().toString(),
                all);
    }

    public static SubscriptionEvents.WithdrawnLine line(String subscription, long voiceSeconds, long dataMb) {
        return new SubscriptionEvents.WithdrawnLine(subscription, voiceSeconds, dataMb);
    }

    public static PortingEvents.PortOutCompleted portedOut(
            String portOut, String subscription, String customer, String on) {
        return new PortingEvents.PortOutCompleted(
                portOut, "+4591000000", subscription, customer, "TELIA", LocalDate.parse(on));
    }

    public static PortingEvents.PortOutReverted reverted(
            String portOut, String subscription, String customer, String on) {
        return new PortingEvents.PortOutReverted(portOut, "+4591000000", subscription, customer, LocalDate.parse(on));
    }

    public static SubscriptionEvents.SubscriptionEnded ended(String subscription, String customer, String on) {
        return new SubscriptionEvents.SubscriptionEnded(subscription, customer, "+4591000000", LocalDate.parse(on));
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}

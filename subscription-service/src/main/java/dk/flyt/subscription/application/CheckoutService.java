package dk.flyt.subscription.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.Problem;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.Channel;
import dk.flyt.subscription.domain.Consent;
import dk.flyt.subscription.domain.ContactChannel;
import dk.flyt.subscription.domain.CreditDecision;
import dk.flyt.subscription.domain.CustomerKind;
import dk.flyt.subscription.domain.DanishMobileNumber;
import dk.flyt.subscription.domain.LineStep;
import dk.flyt.subscription.domain.OrderDraft;
import dk.flyt.subscription.domain.OrderRules;
import dk.flyt.subscription.domain.OrderStatus;
import dk.flyt.subscription.domain.Violation;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OrderEntity;
import dk.flyt.subscription.persistence.OrderLineEntity;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.subscription.persistence.PlanRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Checkout (R-ORD-01..09): validates, checks credit, and stores the order with its first events in one transaction.
 * A retry with the same idempotency key returns the stored order (R-ORD-07), also when both arrive at once: the
 * unique key decides which one stores it.
 */
@ApplicationScoped
public class CheckoutService {
    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    /**
     * The outcome: the order and, when this request stored it, the order as stored (its lines included), so the answer
     * needs no second read; none when an earlier request with the same key stored it (a replay).
     */
    public record Placed(UUID orderId, OrderEntity stored) {
        static Placed replay(UUID orderId) {
            return new Placed(orderId, null);
        }

        static Placed stored(OrderEntity order) {
            return new Placed(order.id, order);
        }

        /** Whether an earlier request with the same key stored the order. */
        public boolean replayed() {
            return stored == null;
        }
    }

    /**
     * Who places the order: the token's subject (kept on the order: the web shop reads only what it placed), the
     * role a customer may read on the timeline, whether an agent places it, and the subject of a customer ordering
     * with their own token (their order can only be for their own profile).
     */
    public record PlacedBy(String subject, String actor, boolean agent, String customerSubject, UUID contact) {}

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final SubscriptionRepository subscriptions;
    private final PlanRepository plans;
    private final Records records;
    private final ConsentService consents;
    private final CustomerDirectory directory;
    private final CreditBureau bureau;
    private final OrderSaga saga;
    private final Journal journal;
    private final ObjectMapper json;
    private final Clock clock;

    public CheckoutService(
            OrderRepository orders,
            CustomerRepository customers,
            SubscriptionRepository subscriptions,
            PlanRepository plans,
            Records records,
            ConsentService consents,
            CustomerDirectory directory,
            CreditBureau bureau,
            OrderSaga saga,
            Journal journal,
            ObjectMapper json,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.records = records;
        this.consents = consents;
        this.directory = directory;
        this.bureau = bureau;
        this.saga = saga;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
    }

    public Placed place(OrderDraft draft, String idempotencyKey, PlacedBy placedBy) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ProblemException.badRequest("Idempotency-Key", "header is required (1-100 characters)");
        }
        String hash = hash(draft);
        // a retry is answered before anything else runs (no second credit check); the catalogue is read in the same
        // short transaction
        record Before(Optional<Placed> earlier, Set<String> planCodes) {}
        Before before = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Placed> earlier = replay(idempotencyKey, hash);
            return new Before(
                    earlier,
                    earlier.isPresent()
                            ? Set.of()
                            : plans.catalogue().stream().map(p -> p.code).collect(Collectors.toSet()));
        });
        if (before.earlier().isPresent()) {
            return before.earlier().get();
        }
        LocalDate today = BusinessTime.today(clock);
        Set<String> planCodes = before.planCodes();
        List<Violation> violations = new ArrayList<>(OrderRules.validate(draft, today, planCodes));
        if (draft != null && draft.campaign() != null) {
            boolean known = QuarkusTransaction.requiringNew().call(() -> records.campaign(draft.campaign())
                    .filter(Records.Campaign::active)
                    .isPresent());
            if (!known) {
                violations.add(new Violation("campaign", "is not a running campaign"));
            }
        }
        Channel channel = draft == null ? null : parseChannel(draft.channel());
        if (channel != null && channel != Channel.WEBSHOP && !placedBy.agent()) {
            violations.add(new Violation("channel", "only an agent places " + channel + " orders"));
        }
        if (placedBy.customerSubject() != null
                && draft != null
                && draft.customer() != null
                && draft.customer().id() != null
                && !draft.customer().id().equals(placedBy.customerSubject())) {
            violations.add(new Violation("customer.id", "a customer orders for their own profile only"));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        if (channel.outboundContact().isPresent()) {
            requireConsent(
                    draft.customer().id(), channel.outboundContact().get(), placedBy.subject(), placedBy.contact());
        }
        OrderDraft forCaller =
                placedBy.customerSubject() != null && draft.customer().id() == null
                        ? draft.withCustomerId(placedBy.customerSubject())
                        : draft;
        CreditDecision decision = bureau.check(
                subjectOf(forCaller.customer()), forCaller.customer().address().postalCode());
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> store(forCaller, channel, idempotencyKey, hash, placedBy, decision));
        } catch (PersistenceException race) {
            // Another request with the same key stored its order first (the unique index decided); answer with it.
            Optional<Placed> winner = QuarkusTransaction.requiringNew().call(() -> replay(idempotencyKey, hash));
            if (winner.isPresent()) {
                return winner.get();
            }
            if (!isConstraintViolation(race)) {
                throw race;
            }
            // Never rethrown: a constraint's error text can carry the CPR (R-DATA-01); the client may simply retry.
            LOG.warnf("Order with Idempotency-Key hash %s lost a race it could not replay", hash.substring(0, 12));
            throw ProblemException.conflict(
                    "concurrent-order", "another order for the same customer was being stored at once; try again");
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private Optional<Placed> replay(String key, String hash) {
        return orders.byIdempotencyKey(key).map(o -> {
            if (!o.requestHash.equals(hash)) {
                throw ProblemException.unprocessable(
                        "idempotency-key-reused",
                        "this Idempotency-Key was used for a different order; use a new key for a new order");
            }
            return Placed.replay(o.id);
        });
    }

    private void requireConsent(String customerId, ContactChannel through, String seller, UUID contact) {
        if (customerId == null) {
            throw invalid(List.of(new Violation(
                    "customer.id", "a telesales order names the existing customer whose consent is on record")));
        }
        Instant now = clock.instant();
        List<Consent> given = QuarkusTransaction.requiringNew().call(() -> consents.ofCustomer(customerId));
        Consent.refusesSale(given, through, now, seller, contact).ifPresent(refusal -> {
            throw switch (refusal) {
                case NO_CONSENT ->
                    ProblemException.unprocessable(
                            "no-consent",
                            "the customer has no recorded consent to outbound sales contact by " + through
                                    + " in force (R-ORD-09)");
                case RECORDED_BY_SELLER ->
                    ProblemException.unprocessable(
                            "consent-recorded-by-seller",
                            "the consent in force was recorded by the agent making the sale in this contact; another agent"
                                    + " or a later contact sells, or"
                                    + " the customer gives it through self-service (R-ORD-09)");
            };
        });
    }

    private Placed store(
            OrderDraft draft, Channel channel, String key, String hash, PlacedBy placedBy, CreditDecision decision) {
        Instant now = clock.instant();
        // the same checkout posted twice at once: the second waits here for the first and answers with its order
        directory.lockIdentity(draft.customer());
        Optional<Placed> earlier = replay(key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CustomerEntity customer = directory.forOrder(draft.customer(), draft.paymentMethodRef(), now);
        customers.lock(customer.id);
        CustomerKind kind = CustomerKind.valueOf(customer.kind);
        long held = subscriptions.heldBy(customer.id) + orders.pendingLines(customer.id);
        if (held + draft.lines().size() > kind.subscriptionLimit()) {
            throw ProblemException.unprocessable(
                    "subscription-limit",
                    "a " + kind.name().toLowerCase() + " profile holds at most " + kind.subscriptionLimit()
                            + " subscriptions; it holds " + held + " and the order adds "
                            + draft.lines().size()
                            + " (R-ORD-02)");
        }
        OrderEntity o = new OrderEntity();
        o.id = UUID.randomUUID();
        o.customerId = customer.id;
        o.channel = channel;
        o.idempotencyKey = key;
        o.requestHash = hash;
        o.placedBy = placedBy.subject();
        o.campaign = draft.campaign();
        boolean waived = draft.campaign() != null
                && records.campaign(draft.campaign())
                        .map(Records.Campaign::waivesCreationFee)
                        .orElse(false);
        o.creationFeeWaived = waived;
        o.creationFeeOre = dk.flyt.subscription.domain.CreationFee.forOrder(waived);
        o.device = draft.device();
        o.createdAt = now;
        o.updatedAt = now;
        o.status = OrderStatus.PENDING_CREDIT_CHECK;
        int position = 0;
        for (OrderDraft.LineDraft d : draft.lines()) {
            OrderLineEntity l = new OrderLineEntity();
            l.id = UUID.randomUUID();
            l.position = position++;
            l.planCode = d.plan();
            l.numberKind = d.numberKind();
            l.simKind = d.simKind();
            l.bindingMonths = d.bindingMonths() == null ? 0 : d.bindingMonths();
            l.step = LineStep.AWAITING_APPROVAL;
            if (l.isPortIn()) {
                l.number = DanishMobileNumber.normalise(d.number()).orElseThrow();
                l.donorIccid = d.donorIccid();
                l.portingMode = d.mode();
                l.donorTermEndsOn = d.donorTermEndsOn();
            } else {
                l.number = records.reserveNumber(l.id, now)
                        .orElseThrow(() -> new ProblemException(
                                503,
                                "number-pool-exhausted",
                                "No new numbers available",
                                "our pool of new numbers is empty; try again later or port a number in",
                                List.of()));
            }
            o.lines.add(l);
        }
        orders.persist(o);
        orders.flush();
        journal.orderEvent(
                o.id,
                new SubscriptionEvents.OrderPlaced(o.id.toString(), o.customerId, o.channel.name(), o.lines.size()));
        journal.timeline(
                o.id,
                null,
                o.customerId,
                "ORDER",
                "ORDER_PLACED",
                "channel " + o.channel + ", " + o.lines.size() + " line(s), placed by " + placedBy.actor());
        saga.creditDecided(o, decision);
        LOG.infof("Order %s placed through %s with %d line(s): %s", o.id, o.channel, o.lines.size(), o.status);
        return Placed.stored(o);
    }

    private static String subjectOf(OrderDraft.CustomerDraft c) {
        return CustomerDirectory.identity(c);
    }

    private static Channel parseChannel(String text) {
        for (Channel c : Channel.values()) {
            if (c.name().equals(text)) {
                return c;
            }
        }
        return null;
    }

    private String hash(OrderDraft draft) {
        try {
            byte[] body = json.writeValueAsBytes(draft);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an order draft", e);
        }
    }

    static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(
                400,
                "invalid-request",
                "The request is not valid",
                violations.size() == 1
                        ? violations.get(0).field() + " " + violations.get(0).message()
                        : violations.size() + " fields are not valid",
                violations.stream()
                        .map(v -> new Problem.FieldError(v.field(), v.message()))
                        .toList());
    }
}

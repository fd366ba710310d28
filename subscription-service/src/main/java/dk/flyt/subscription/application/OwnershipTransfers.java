package dk.flyt.subscription.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.CreditDecision;
import dk.flyt.subscription.domain.OrderDraft;
import dk.flyt.subscription.domain.OrderRules;
import dk.flyt.subscription.domain.OwnershipTransferRules;
import dk.flyt.subscription.domain.SubscriptionStatus;
import dk.flyt.subscription.domain.TransferStatus;
import dk.flyt.subscription.domain.Violation;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OwnershipTransferEntity;
import dk.flyt.subscription.persistence.OwnershipTransferRepository;
import dk.flyt.subscription.persistence.Records;
import dk.flyt.subscription.persistence.SubscriptionEntity;
import dk.flyt.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Transfer of a subscription to a new owner (R-SUB-09): asked for by the holder or an agent, never within a binding,
 * the new owner credit-checked and accepting within 48 hours with the link's token, or the transfer lapses.
 */
@ApplicationScoped
public class OwnershipTransfers {
    private final SubscriptionRepository subscriptions;
    private final OwnershipTransferRepository transfers;
    private final CustomerRepository customers;
    private final CustomerDirectory directory;
    private final Records records;
    private final Journal journal;
    private final CreditBureau bureau;
    private final Notifications notifications;
    private final Clock clock;

    public OwnershipTransfers(
            SubscriptionRepository subscriptions,
            OwnershipTransferRepository transfers,
            CustomerRepository customers,
            CustomerDirectory directory,
            Records records,
            Journal journal,
            CreditBureau bureau,
            Notifications notifications,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.transfers = transfers;
        this.customers = customers;
        this.directory = directory;
        this.records = records;
        this.journal = journal;
        this.bureau = bureau;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public OwnershipTransferEntity requestTransfer(
            UUID subscriptionId, OrderDraft.CustomerDraft newOwner, String paymentMethodRef, String by) {
        SubscriptionEntity s = subscriptions
                .findByIdOptional(subscriptionId)
                .orElseThrow(() -> ProblemException.notFound("Subscription"));
        if (s.status != SubscriptionStatus.ACTIVE) {
            throw ProblemException.conflict("not-active", "only an active subscription changes owner");
        }
        if (transfers.pendingFor(s.id).isPresent()) {
            throw ProblemException.conflict("transfer-pending", "a transfer of this subscription awaits acceptance");
        }
        LocalDate today = BusinessTime.today(clock);
        List<Violation> v = new ArrayList<>(OrderRules.validateCustomer("newOwner", newOwner, today));
        if (newOwner != null && newOwner.id() != null) {
            v.add(new Violation("newOwner.id", "leave out: the new owner is identified by CPR or CVR"));
        }
        if (paymentMethodRef == null || paymentMethodRef.isBlank()) {
            v.add(new Violation("paymentMethodRef", "is required"));
        }
        if (!v.isEmpty()) {
            throw CheckoutService.invalid(v);
        }
        CustomerEntity old = customers.findById(s.customerId);
        List<Violation> rules = OwnershipTransferRules.check(today, s.bindingEndsOn, old.email, newOwner.email());
        if (!rules.isEmpty()) {
            throw new ProblemException(
                    422,
                    "transfer-not-allowed",
                    "The request breaks a business rule",
                    rules.get(0).message() + " (R-SUB-09)",
                    rules.stream()
                            .map(x -> new dk.flyt.platform.problem.Problem.FieldError(x.field(), x.message()))
                            .toList());
        }
        String identity = CustomerDirectory.identity(newOwner);
        if (identity.equals(old.cpr) || identity.equals(old.cvr)) {
            throw ProblemException.unprocessable("same-owner", "the new owner is the current owner");
        }
        CreditDecision decision = bureau.check(identity, newOwner.address().postalCode());
        if (decision instanceof CreditDecision.Refused) {
            // the reason is the new owner's credit data: never shown to the one who asked (the security issue)
            throw ProblemException.unprocessable("credit-refused", "the new owner's credit check refused the transfer");
        }
        if (decision instanceof CreditDecision.Unavailable) {
            throw new ProblemException(
                    503,
                    "credit-check-unavailable",
                    "Credit check unavailable",
                    "the credit bureau did not answer; try again later",
                    List.of());
        }
        Instant now = clock.instant();
        CustomerEntity next = directory.forTransfer(newOwner, paymentMethodRef, now);
        OwnershipTransferEntity t = new OwnershipTransferEntity();
        t.id = UUID.randomUUID();
        t.subscriptionId = s.id;
        t.fromCustomerId = s.customerId;
        t.toCustomerId = next.id;
        t.status = TransferStatus.PENDING;
        t.requestedAt = now;
        t.expiresAt = now.plus(OwnershipTransferRules.ACCEPTANCE_WINDOW);
        OneTimeToken token = OneTimeToken.create();
        t.tokenHash = token.hash();
        transfers.persist(t);
        records.schedule(TimerKind.TRANSFER_LAPSE.name(), t.id, t.expiresAt);
        notifications.sendOwnershipTransferLink(next.id, t.id.toString(), token.token());
        journal.timeline(
                s.orderId,
                s.id,
                s.customerId,
                "SUBSCRIPTION",
                "OWNERSHIP_TRANSFER_REQUESTED",
                "by " + by + "; lapses " + t.expiresAt);
        return t;
    }

    /** The new owner accepts within 48 hours, with the link's token. */
    @Transactional
    public OwnershipTransferEntity acceptTransfer(UUID transferId, String customerId, String token) {
        OwnershipTransferEntity t = transfers
                .findByIdOptional(transferId)
                .filter(x -> x.toCustomerId.equals(customerId))
                .orElseThrow(() -> ProblemException.notFound("Ownership transfer"));
        if (t.status != TransferStatus.PENDING) {
            throw ProblemException.conflict("transfer-not-pending", "the transfer is " + t.status);
        }
        Instant now = clock.instant();
        if (!now.isBefore(t.expiresAt)) {
            throw ProblemException.conflict("transfer-lapsed", "the 48 hours to accept have run out (R-SUB-09)");
        }
        if (!OneTimeToken.matches(token, t.tokenHash)) {
            throw ProblemException.badRequest("token", "is not the token of this transfer's link");
        }
        SubscriptionEntity s = subscriptions.findById(t.subscriptionId);
        if (!s.isLive()) {
            throw ProblemException.conflict("not-active", "the subscription is " + s.status);
        }
        t.status = TransferStatus.ACCEPTED;
        t.acceptedAt = now;
        records.cancelTimer(TimerKind.TRANSFER_LAPSE.name(), t.id);
        s.customerId = t.toCustomerId;
        LocalDate today = BusinessTime.today(clock);
        journal.subscriptionEvent(
                s.id,
                new SubscriptionEvents.OwnershipTransferred(s.id.toString(), t.fromCustomerId, t.toCustomerId, today));
        journal.timeline(
                s.orderId, s.id, t.toCustomerId, "SUBSCRIPTION", "OWNERSHIP_TRANSFERRED", "accepted by the new owner");
        return t;
    }

    /** Timer: not accepted within 48 hours. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void transferLapsed(UUID transferId) {
        OwnershipTransferEntity t = transfers.findById(transferId);
        if (t != null && t.status == TransferStatus.PENDING) {
            t.status = TransferStatus.LAPSED;
            SubscriptionEntity s = subscriptions.findById(t.subscriptionId);
            journal.timeline(s.orderId, s.id, s.customerId, "SUBSCRIPTION", "OWNERSHIP_TRANSFER_LAPSED", null);
        }
    }

    public OwnershipTransferEntity transfer(UUID transferId) {
        return transfers
                .findByIdOptional(transferId)
                .orElseThrow(() -> ProblemException.notFound("Ownership transfer"));
    }
}

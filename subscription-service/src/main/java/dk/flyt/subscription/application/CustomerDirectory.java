package dk.flyt.subscription.application;

import dk.flyt.platform.problem.ProblemException;
import dk.flyt.subscription.domain.Cpr;
import dk.flyt.subscription.domain.CustomerKind;
import dk.flyt.subscription.domain.DanishMobileNumber;
import dk.flyt.subscription.domain.OrderDraft;
import dk.flyt.subscription.domain.Violation;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the customer profile an order or a transfer is for, or creates it. A profile's identity and contact data
 * change only through its owner ({@code PATCH /api/v1/customers/{id}}): an order never rewrites them, and an order
 * that quotes a known CPR or CVR without proving it is that customer is refused (the security issue's profile
 * takeover).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerDirectory {
    private final CustomerRepository customers;

    public CustomerDirectory(CustomerRepository customers) {
        this.customers = customers;
    }

    /**
     * The profile an order is for. {@code customer.id} is the proof: the logged-in customer's subject (from their
     * own token, or passed by the web shop or an agent). With it, the order joins that profile if the CPR/CVR is
     * the profile's, or creates the profile under that id if the CPR/CVR is new. Without it, only a new CPR/CVR
     * creates a profile. Every other case is one and the same refusal, which says nothing about any profile. The
     * caller holds {@link #lockIdentity} (checkout takes it first, to replay a concurrent twin under it).
     */
    public CustomerEntity forOrder(OrderDraft.CustomerDraft c, String paymentMethodRef, Instant now) {
        Optional<CustomerEntity> holder = holderOf(c);
        if (c.id() != null) {
            if (!c.id().matches("[A-Za-z0-9-]{1,64}")) {
                throw CheckoutService.invalid(List.of(new Violation(
                        "customer.id", "must be the customer's login subject (1-64 letters, digits or dashes)")));
            }
            Optional<CustomerEntity> profile = customers.findByIdOptional(c.id());
            if (profile.isPresent()) {
                if (holder.isEmpty() || !holder.get().id.equals(c.id())) {
                    throw identityRefused();
                }
                return profile.get();
            }
            if (holder.isPresent()) {
                throw identityRefused();
            }
            return create(c, c.id(), paymentMethodRef, now);
        }
        if (holder.isPresent()) {
            throw identityRefused();
        }
        return create(c, UUID.randomUUID().toString(), paymentMethodRef, now);
    }

    /**
     * The new owner of a transfer (R-SUB-09): an existing profile is used as it is (nothing of theirs changes before
     * they accept, and nothing of theirs is shown to the old owner); otherwise a profile is created for them.
     */
    public CustomerEntity forTransfer(OrderDraft.CustomerDraft c, String paymentMethodRef, Instant now) {
        lockIdentity(c);
        return holderOf(c).orElseGet(() -> create(c, UUID.randomUUID().toString(), paymentMethodRef, now));
    }

    /** Until the transaction ends, no one else looks this CPR/CVR up to create or join a profile. */
    public void lockIdentity(OrderDraft.CustomerDraft c) {
        customers.lockIdentity(identity(c));
    }

    /**
     * The one answer to every identity an order may not use: a known CPR/CVR without proof, a customer id that is
     * not that CPR/CVR's profile. The same type and text whichever it was, so it cannot be used to probe profiles.
     */
    /** Whether a profile with this id exists. */
    @jakarta.transaction.Transactional
    public boolean exists(String customerId) {
        return customerId != null && customers.findByIdOptional(customerId).isPresent();
    }

    public static ProblemException identityRefused() {
        return ProblemException.unprocessable(
                "identity-refused",
                "this order cannot be placed for the identity given; the customer logs in and orders again, or"
                        + " calls customer service");
    }

    /** What a profile change may carry; null fields stay as they are. Identity (CPR/CVR, kind) never changes. */
    public record ProfileChange(
            String name, OrderDraft.Address address, String email, String contactNumber, String paymentMethodRef) {}

    /** The owner (or an agent for them) changes the profile's contact data (the security issue: only its owner). */
    public CustomerEntity change(String customerId, ProfileChange change) {
        if (change == null) {
            throw ProblemException.badRequest(
                    "body", "is required: name, address, email, contactNumber or" + " paymentMethodRef");
        }
        List<Violation> v = new java.util.ArrayList<>(dk.flyt.subscription.domain.OrderRules.contactDetails(
                "", change.name(), change.address(), change.email(), change.contactNumber(), false));
        if (change.paymentMethodRef() != null
                && (change.paymentMethodRef().isBlank()
                        || change.paymentMethodRef().length() > 100)) {
            v.add(new Violation("paymentMethodRef", "must be the payment provider's reference (1-100 characters)"));
        }
        if (!v.isEmpty()) {
            throw CheckoutService.invalid(v);
        }
        CustomerEntity e = customers.lock(customerId);
        if (e == null) {
            throw ProblemException.notFound("Customer");
        }
        if (change.name() != null) {
            e.name = change.name();
        }
        if (change.address() != null) {
            e.street = change.address().street();
            e.postalCode = change.address().postalCode();
            e.city = change.address().city();
        }
        if (change.email() != null) {
            e.email = change.email();
        }
        if (change.contactNumber() != null) {
            e.contactNumber = normalPhone(change.contactNumber());
        }
        if (change.paymentMethodRef() != null) {
            e.paymentMethodRef = change.paymentMethodRef();
        }
        return e;
    }

    private Optional<CustomerEntity> holderOf(OrderDraft.CustomerDraft c) {
        return CustomerKind.valueOf(c.kind()) == CustomerKind.PRIVATE
                ? customers.byCpr(normalCpr(c.cpr()))
                : customers.byCvr(c.cvr());
    }

    private CustomerEntity create(OrderDraft.CustomerDraft c, String id, String paymentMethodRef, Instant now) {
        CustomerEntity e = new CustomerEntity();
        e.id = id;
        e.kind = c.kind();
        e.cpr = CustomerKind.valueOf(c.kind()) == CustomerKind.PRIVATE ? normalCpr(c.cpr()) : null;
        e.cvr = CustomerKind.valueOf(c.kind()) == CustomerKind.BUSINESS ? c.cvr() : null;
        e.name = c.name();
        e.street = c.address().street();
        e.postalCode = c.address().postalCode();
        e.city = c.address().city();
        e.email = c.email();
        e.contactNumber = c.contactNumber() == null ? null : normalPhone(c.contactNumber());
        e.paymentMethodRef = paymentMethodRef;
        e.createdAt = now;
        customers.persist(e);
        return e;
    }

    /** The CPR (normalised DDMMYY-SSSS) or CVR that identifies the profile; for the credit bureau only. */
    public static String identity(OrderDraft.CustomerDraft c) {
        return "BUSINESS".equals(c.kind()) ? c.cvr() : normalCpr(c.cpr());
    }

    private static String normalCpr(String cpr) {
        return Cpr.parse(cpr).orElseThrow().reveal();
    }

    private static String normalPhone(String number) {
        return DanishMobileNumber.normalise(number).orElseThrow();
    }
}

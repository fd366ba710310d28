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

/** Finds a customer profile by id, CPR or CVR, or creates it; the latest contact details win. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerDirectory {
    private final CustomerRepository customers;

    public CustomerDirectory(CustomerRepository customers) {
        this.customers = customers;
    }

    public CustomerEntity findOrCreate(OrderDraft.CustomerDraft c, String paymentMethodRef, Instant now) {
        Optional<CustomerEntity> known;
        if (c.id() != null) {
            if (!c.id().matches("[A-Za-z0-9-]{1,64}")) {
                throw CheckoutService.invalid(List.of(new Violation(
                        "customer.id", "must be the customer's login subject (1-64 letters," + " digits or dashes)")));
            }
            known = customers.findByIdOptional(c.id());
            if (known.isEmpty()) {
                // a logged-in customer's first order: the profile takes the login's subject as its id, so that
                // the customer's own token reaches it (R-DATA-02); a CPR/CVR already on another profile is refused
                Optional<CustomerEntity> other = CustomerKind.valueOf(c.kind()) == CustomerKind.PRIVATE
                        ? customers.byCpr(normalCpr(c.cpr()))
                        : customers.byCvr(c.cvr());
                if (other.isPresent()) {
                    throw ProblemException.unprocessable(
                            "identity-on-another-profile", "this CPR/CVR belongs to another customer profile");
                }
                return create(c, c.id(), paymentMethodRef, now);
            }
        } else if (CustomerKind.valueOf(c.kind()) == CustomerKind.PRIVATE) {
            known = customers.byCpr(normalCpr(c.cpr()));
        } else {
            known = customers.byCvr(c.cvr());
        }
        if (known.isPresent()) {
            CustomerEntity e = known.get();
            boolean sameIdentity = CustomerKind.valueOf(c.kind()) == CustomerKind.PRIVATE
                    ? normalCpr(c.cpr()).equals(e.cpr)
                    : c.cvr().equals(e.cvr);
            if (!sameIdentity) {
                throw CheckoutService.invalid(
                        List.of(new Violation("customer.id", "does not match the CPR/CVR given")));
            }
            // the latest contact details win; identity and kind stay
            e.name = c.name();
            e.street = c.address().street();
            e.postalCode = c.address().postalCode();
            e.city = c.address().city();
            e.email = c.email();
            e.contactNumber = c.contactNumber() == null ? e.contactNumber : normalPhone(c.contactNumber());
            e.paymentMethodRef = paymentMethodRef;
            return e;
        }
        return create(c, UUID.randomUUID().toString(), paymentMethodRef, now);
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

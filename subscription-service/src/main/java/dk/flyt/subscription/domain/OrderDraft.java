package dk.flyt.subscription.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A checkout as the web shop or an agent sends it, before any rule has looked at it. Kinds and modes are text so a
 * wrong value is reported against its field like any other mistake.
 */
public record OrderDraft(
        CustomerDraft customer,
        String channel,
        String paymentMethodRef,
        List<LineDraft> lines,
        String device,
        String campaign) {

    /** The same draft for the customer with this id (a customer ordering with their own token). */
    public OrderDraft withCustomerId(String id) {
        CustomerDraft c = customer;
        return new OrderDraft(
                new CustomerDraft(id, c.kind(), c.cpr(), c.cvr(), c.name(), c.address(), c.email(), c.contactNumber()),
                channel,
                paymentMethodRef,
                lines,
                device,
                campaign);
    }

    /** {@code id} names an existing customer (required for telesales, whose consent is on record). */
    public record CustomerDraft(
            String id,
            String kind,
            String cpr,
            String cvr,
            String name,
            Address address,
            String email,
            String contactNumber) {}

    public record Address(String street, String postalCode, String city) {}

    /**
     * One subscription: a plan, and either a NEW number from our pool or PORT_IN of {@code number} with the donor
     * SIM's ICCID and a porting mode (R-ORD-03, R-PORT-01).
     */
    public record LineDraft(
            String plan,
            String numberKind,
            String number,
            String donorIccid,
            String mode,
            LocalDate donorTermEndsOn,
            String simKind,
            Integer bindingMonths) {}
}

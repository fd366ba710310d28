package dk.flyt.subscription.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a checkout must hold before anything is stored (R-ORD-01, R-ORD-03, R-PORT-01, R-SUB-06). */
public final class OrderRules {
    public static final int MAX_LINES = 20;

    /** Every violation of the draft, each naming its field; empty when the draft may be placed. */
    public static List<Violation> validate(OrderDraft d, LocalDate today, Set<String> planCodes) {
        List<Violation> v = new ArrayList<>();
        if (d == null) {
            v.add(new Violation("body", "is required"));
            return v;
        }
        CustomerKind kind = customer("customer", d.customer(), today, v);
        if (parse(Channel.class, d.channel()) == null) {
            v.add(new Violation("channel", "must be one of WEBSHOP, AGENT, TELESALES"));
        }
        if (blank(d.paymentMethodRef()) || d.paymentMethodRef().length() > 100) {
            v.add(new Violation("paymentMethodRef", "is required (at most 100 characters)"));
        }
        if (d.device() != null && (d.device().isBlank() || d.device().length() > 100)) {
            v.add(new Violation("device", "must be a product name of at most 100 characters"));
        }
        if (d.lines() == null || d.lines().isEmpty()) {
            v.add(new Violation("lines", "must hold at least one subscription"));
        } else if (d.lines().size() > MAX_LINES) {
            v.add(new Violation("lines", "must hold at most " + MAX_LINES + " subscriptions"));
        } else {
            Set<String> ported = new HashSet<>();
            for (int i = 0; i < d.lines().size(); i++) {
                line("lines[" + i + "]", d.lines().get(i), kind, today, planCodes, ported, v);
            }
        }
        return v;
    }

    /** The checks on a customer's data alone, for an order's customer or an ownership transfer's new owner. */
    public static List<Violation> validateCustomer(String at, OrderDraft.CustomerDraft c, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        customer(at, c, today, v);
        return v;
    }

    private static CustomerKind customer(String at, OrderDraft.CustomerDraft c, LocalDate today, List<Violation> v) {
        if (c == null) {
            v.add(new Violation(at, "is required"));
            return null;
        }
        CustomerKind kind = parse(CustomerKind.class, c.kind());
        if (kind == null) {
            v.add(new Violation(at + ".kind", "must be PRIVATE or BUSINESS"));
        } else if (kind == CustomerKind.PRIVATE) {
            var cpr = Cpr.parse(c.cpr());
            if (cpr.isEmpty()) {
                v.add(new Violation(at + ".cpr", "must be a CPR number (DDMMYY-SSSS) with a real birth date"));
            } else if (!cpr.get().isAdultOn(today)) {
                v.add(new Violation(at + ".cpr", "the customer must be 18 or older"));
            }
        } else if (!Cvr.isValid(c.cvr())) {
            v.add(new Violation(at + ".cvr", "must be a CVR number (8 digits, modulus 11)"));
        }
        v.addAll(contactDetails(at, c.name(), c.address(), c.email(), c.contactNumber(), true));
        return kind;
    }

    /**
     * Name, address, e-mail and contact number of a profile, for checkout ({@code required}) and for a profile change
     * (only what is given). Every text has a maximum length (the security issue's input limits).
     */
    public static List<Violation> contactDetails(
            String at, String name, OrderDraft.Address address, String email, String contactNumber, boolean required) {
        List<Violation> v = new ArrayList<>();
        if ((required || name != null) && (blank(name) || name.length() > 200)) {
            v.add(new Violation(field(at, "name"), "is required (full name, at most 200 characters)"));
        }
        if (address == null) {
            if (required) {
                v.add(new Violation(field(at, "address"), "is required (a Danish registered address)"));
            }
        } else {
            if (blank(address.street()) || address.street().length() > 200) {
                v.add(new Violation(field(at, "address.street"), "is required (at most 200 characters)"));
            }
            if (!PostalCode.isDanish(address.postalCode())) {
                v.add(new Violation(field(at, "address.postalCode"), "must be a Danish postal code"));
            }
            if (blank(address.city()) || address.city().length() > 100) {
                v.add(new Violation(field(at, "address.city"), "is required (at most 100 characters)"));
            }
        }
        if ((required || email != null) && (!Email.isValid(email) || email.length() > 254)) {
            v.add(new Violation(field(at, "email"), "must be a valid e-mail address (at most 254 characters)"));
        }
        if (contactNumber != null && DanishMobileNumber.normalise(contactNumber).isEmpty()) {
            v.add(new Violation(field(at, "contactNumber"), "must be a Danish mobile number"));
        }
        return v;
    }

    /** {@code customer.name} under a prefix, {@code name} at the top of a body. */
    private static String field(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    private static void line(
            String at,
            OrderDraft.LineDraft l,
            CustomerKind kind,
            LocalDate today,
            Set<String> planCodes,
            Set<String> ported,
            List<Violation> v) {
        if (l == null) {
            v.add(new Violation(at, "is required"));
            return;
        }
        if (l.plan() == null || !planCodes.contains(l.plan())) {
            v.add(new Violation(at + ".plan", "must be a plan of the catalogue"));
        }
        if (parse(SimKind.class, l.simKind()) == null) {
            v.add(new Violation(at + ".simKind", "must be SIM or ESIM"));
        }
        int binding = l.bindingMonths() == null ? 0 : l.bindingMonths();
        int maxBinding = kind == null ? CustomerKind.PRIVATE.maxBindingMonths() : kind.maxBindingMonths();
        if (binding < 0 || binding > maxBinding) {
            v.add(new Violation(at + ".bindingMonths", "must be between 0 and " + maxBinding + " (R-SUB-06)"));
        }
        NumberKind numberKind = parse(NumberKind.class, l.numberKind());
        if (numberKind == null) {
            v.add(new Violation(at + ".numberKind", "must be NEW or PORT_IN"));
        } else if (numberKind == NumberKind.NEW) {
            if (l.number() != null || l.donorIccid() != null || l.mode() != null) {
                v.add(new Violation(at + ".number", "a NEW number comes from our pool; leave number, donor data out"));
            }
        } else {
            var number = DanishMobileNumber.normalise(l.number());
            if (number.isEmpty()) {
                v.add(new Violation(at + ".number", "must be a Danish mobile number"));
            } else if (!ported.add(number.get())) {
                v.add(new Violation(at + ".number", "is ported in by another line of this order"));
            }
            if (!Iccid.isValid(l.donorIccid())) {
                v.add(new Violation(at + ".donorIccid", "must be the donor SIM's ICCID (19-20 digits, check digit)"));
            }
            PortingMode mode = parse(PortingMode.class, l.mode());
            if (mode == null) {
                v.add(new Violation(at + ".mode", "must be ASAP or END_OF_TERM"));
            } else if (mode == PortingMode.END_OF_TERM
                    && (l.donorTermEndsOn() == null || !l.donorTermEndsOn().isAfter(today))) {
                v.add(new Violation(at + ".donorTermEndsOn", "END_OF_TERM needs the donor term's end, in the future"));
            }
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private OrderRules() {}
}

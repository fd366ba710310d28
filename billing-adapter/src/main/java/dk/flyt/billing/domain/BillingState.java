package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A subscription as billing sees it, derived from every fact billing holds about it, whatever order they came in.
 *
 * @param ranges the days it was live, oldest first
 * @param terms its plans and prices from each date on (cancelled plan changes left out)
 * @param owners who it belonged to from each date on, oldest first
 * @param portOuts its port-outs, with the day each was reverted, if it was
 * @param withdrawal the withdrawal that ended it, if it was withdrawn
 */
public record BillingState(
        String subscriptionId,
        Status status,
        String orderId,
        List<Owner> owners,
        List<DayRange> ranges,
        List<Terms> terms,
        LocalDate bindingEndsOn,
        List<PortOut> portOuts,
        Withdrawal withdrawal) {

    public enum Status {
        /** Billing has facts about it but neither its approval nor its activation yet. */
        UNKNOWN,
        /** Approved, not live yet. */
        PENDING,
        ACTIVE,
        ENDED,
        WITHDRAWN;

        /** Still to be billed, or may be: an account is never settled while one of its lines is in this state. */
        public boolean open() {
            return this == UNKNOWN || this == PENDING || this == ACTIVE;
        }
    }

    public record Owner(LocalDate from, String customerId) {}

    public record PortOut(String portOutId, LocalDate on, LocalDate revertedOn) {
        public boolean reverted() {
            return revertedOn != null;
        }
    }

    public record Withdrawal(
            String withdrawalId, String orderId, LocalDate on, long voiceSeconds, long dataMegabytes) {}

    /** The customer the line belongs to on {@code day}. */
    public String ownerOn(LocalDate day) {
        String owner = owners.isEmpty() ? null : owners.get(0).customerId();
        for (Owner o : owners) {
            if (!o.from().isAfter(day)) {
                owner = o.customerId();
            }
        }
        return owner;
    }

    /** The customer the line belongs to now. */
    public String currentOwner() {
        return owners.isEmpty() ? null : owners.get(owners.size() - 1).customerId();
    }

    /** Every customer the line ever belonged to. */
    public Set<String> allOwners() {
        Set<String> all = new HashSet<>();
        owners.forEach(o -> all.add(o.customerId()));
        return all;
    }

    public boolean activated() {
        return !ranges.isEmpty();
    }

    public LocalDate activatedOn() {
        return ranges.isEmpty() ? null : ranges.get(0).from();
    }

    /** Derives the state from the facts; each fact is applied once, whatever order they are given in. */
    public static BillingState derive(String subscriptionId, List<BillingFact> facts) {
        List<BillingFact> bySeq = new ArrayList<>(facts);
        bySeq.sort(Comparator.comparingLong(BillingFact::seq));

        BillingFact.Activated activation = null;
        BillingFact.Approved approval = null;
        Set<String> cancelledChanges = new HashSet<>();
        Map<String, BillingFact.PlanChanged> changes = new LinkedHashMap<>();
        List<BillingFact> lifecycle = new ArrayList<>();
        List<BillingFact.Transferred> transfers = new ArrayList<>();
        for (BillingFact f : bySeq) {
            switch (f) {
                case BillingFact.Approved a -> approval = approval == null ? a : approval;
                case BillingFact.Activated a -> activation = activation == null ? a : activation;
                case BillingFact.PlanChanged c -> changes.put(c.changeId(), c);
                case BillingFact.PlanChangeCancelled c -> cancelledChanges.add(c.changeId());
                case BillingFact.Transferred t -> transfers.add(t);
                case BillingFact.Ended e -> lifecycle.add(e);
                case BillingFact.PortedOut p -> lifecycle.add(p);
                case BillingFact.PortOutReverted r -> lifecycle.add(r);
                case BillingFact.Withdrawn w -> lifecycle.add(w);
            }
        }

        List<Owner> owners = new ArrayList<>();
        String firstOwner = activation != null
                ? activation.customerId()
                : approval != null
                        ? approval.customerId()
                        : transfers.isEmpty() ? null : transfers.get(0).fromCustomerId();
        if (firstOwner != null) {
            owners.add(new Owner(LocalDate.MIN, firstOwner));
        }
        transfers.sort(Comparator.comparing(BillingFact.Transferred::on).thenComparingLong(BillingFact::seq));
        transfers.forEach(t -> owners.add(new Owner(t.on(), t.toCustomerId())));

        List<Terms> terms = new ArrayList<>();
        if (activation != null) {
            terms.add(new Terms(activation.on(), activation.planCode(), activation.priceOre(), null, activation.seq()));
        }
        for (BillingFact.PlanChanged c : changes.values()) {
            if (!cancelledChanges.contains(c.changeId())) {
                terms.add(new Terms(c.effectiveOn(), c.planCode(), c.priceOre(), c.changeId(), c.seq()));
            }
        }

        lifecycle.sort(Comparator.comparing(BillingState::dateOf).thenComparingLong(BillingFact::seq));
        List<DayRange> ranges = new ArrayList<>();
        List<PortOut> portOuts = new ArrayList<>();
        Withdrawal withdrawal = null;
        boolean ended = false;
        LocalDate openFrom = activation == null ? null : activation.on();
        for (BillingFact f : lifecycle) {
            switch (f) {
                case BillingFact.PortedOut p -> {
                    if (openFrom != null) {
                        ranges.add(new DayRange(openFrom, max(p.on(), openFrom)));
                        openFrom = null;
                    }
                    if (portOuts.stream().noneMatch(x -> x.portOutId().equals(p.portOutId()))) {
                        portOuts.add(new PortOut(p.portOutId(), p.on(), null));
                    }
                }
                case BillingFact.PortOutReverted r -> {
                    for (int i = 0; i < portOuts.size(); i++) {
                        PortOut p = portOuts.get(i);
                        if (p.portOutId().equals(r.portOutId()) && !p.reverted() && !ended && withdrawal == null) {
                            portOuts.set(i, new PortOut(p.portOutId(), p.on(), r.on()));
                            if (openFrom == null && activation != null) {
                                openFrom = max(r.on(), p.on());
                            }
                        }
                    }
                }
                case BillingFact.Ended e -> {
                    if (openFrom != null) {
                        ranges.add(new DayRange(openFrom, max(e.on(), openFrom)));
                        openFrom = null;
                    }
                    ended = true;
                }
                case BillingFact.Withdrawn w -> {
                    if (openFrom != null) {
                        ranges.add(new DayRange(openFrom, max(w.on(), openFrom)));
                        openFrom = null;
                    }
                    if (withdrawal == null) {
                        withdrawal = new Withdrawal(
                                w.withdrawalId(), w.orderId(), w.on(), w.voiceSeconds(), w.dataMegabytes());
                    }
                }
                default -> throw new IllegalStateException("not a lifecycle fact: " + f);
            }
        }
        if (openFrom != null) {
            ranges.add(DayRange.open(openFrom));
        }
        ranges.removeIf(r -> r.until() != null && !r.until().isAfter(r.from()));

        Status status;
        if (withdrawal != null) {
            status = Status.WITHDRAWN;
        } else if (activation != null) {
            status = !ranges.isEmpty() && ranges.get(ranges.size() - 1).isOpen() ? Status.ACTIVE : Status.ENDED;
        } else if (approval != null) {
            status = Status.PENDING;
        } else {
            status = Status.UNKNOWN;
        }
        String orderId = approval != null ? approval.orderId() : withdrawal != null ? withdrawal.orderId() : null;
        return new BillingState(
                subscriptionId,
                status,
                orderId,
                List.copyOf(owners),
                List.copyOf(ranges),
                List.copyOf(terms),
                activation == null ? null : activation.bindingEndsOn(),
                List.copyOf(portOuts),
                withdrawal);
    }

    private static LocalDate dateOf(BillingFact f) {
        return switch (f) {
            case BillingFact.PortedOut p -> p.on();
            case BillingFact.PortOutReverted r -> r.on();
            case BillingFact.Ended e -> e.on();
            case BillingFact.Withdrawn w -> w.on();
            default -> LocalDate.MIN;
        };
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}

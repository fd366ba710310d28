package dk.flyt.billing.model;

import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent model of Flyt's billing, written from {@code ../shared/RULES.md} and the ledger's cause contract
 * (docs/billing.md), not from the production code: it imports nothing of it but the event records every consumer
 * reads. It is fed the same events in the same order as billing, at the same business times, and keeps the ledger
 * the rules give: entries by cause.
 *
 * <p>Rules it states: fees monthly in advance on the 1st (R-BILL-01); the first charge on the 1st after activation,
 * the rest of that month by days (R-BILL-02); a month already charged when a change becomes known is corrected by
 * crediting the old price's and charging the new price's remaining days (R-BILL-09), with the plan-change fee; every
 * day live paid once, a line ending in its first month paying its days, anything learned late booked at once
 * (R-BILL-10); binding fees after a port-out (R-POUT-04) and back on a revert (R-POUT-05); late usage up to 30 days
 * (R-POUT-02); withdrawal refunds less the fee for the days used beyond 2 h / 2 GB per line, the creation fee back
 * once the whole order is withdrawn (R-WDR-03/04); settlement with the 25 kr write-off when the last line has ended
 * (R-BILL-07); top-ups to +100 kr per shortfall (R-BILL-04); notice, reminder and warning fees (R-BILL-05/06); a
 * plan's announced price from its date on (R-SUB-11).
 */
final class RulesModel {
    static final long TOP_UP_TARGET = 10_000;
    static final long CLOSING_FEE = 5_000;
    static final long NEW_SIM_FEE = 4_900;
    static final long REMINDER_FEE = 10_000;
    static final long WARNING_FEE = 10_000;

    record Entry(String customer, String kind, long amount, String subscription, YearMonth month) {}

    /** What the model knows of one subscription. */
    static final class Sub {
        final String id;
        String order;
        String customer;
        final List<String[]> owners = new ArrayList<>(); // {fromDate, customer}
        SubscriptionEvents.SubscriptionActivated activation;
        int learned;
        final LinkedHashMap<String, Object[]> changes = new LinkedHashMap<>(); // changeId -> {plan, price, eff, seq}
        final Set<String> cancelled = new HashSet<>();
        final List<Object[]> life = new ArrayList<>(); // {kind, date, seq, id}
        Object[] withdrawal; // {on, voice, data}

        Sub(String id) {
            this.id = id;
        }
    }

    static final class Account {
        boolean automatic;
        int settlements;
        boolean settled;
        int topUps;
        Object[] pendingTopUp; // {n, amount}
        LocalDate negativeSince;
        LocalDate noticeOn;
        LocalDate reminderOn;
        LocalDate warningOn;
        final List<Object[]> settlementLog = new ArrayList<>(); // {n, trigger, writeOff, reversed}
    }

    final Map<String, Sub> subs = new LinkedHashMap<>();
    final Map<String, List<Object[]>> planPrices = new HashMap<>(); // plan -> {eff, price, seq}
    final Map<String, Account> accounts = new HashMap<>();
    final Map<String, Entry> ledger = new LinkedHashMap<>();
    final long planChangeFee;
    private int seq;
    private final Set<String> seen = new HashSet<>();

    RulesModel(long planChangeFee) {
        this.planChangeFee = planChangeFee;
    }

    // ------------------------------------------------------------------------------------------------ events

    /** Applies an event once (a redelivered id changes nothing), on {@code today}. */
    void apply(String eventId, Object event, LocalDate today) {
        if (!seen.add(eventId)) {
            return;
        }
        switch (event) {
            case SubscriptionEvents.OrderApproved e -> {
                account(e.customerId());
                if (!e.creationFeeWaived() && e.creationFeeOre() > 0) {
                    book("creation-fee:" + e.orderId(), e.customerId(), "FEE", -e.creationFeeOre(), null, null);
                }
                for (String s : e.subscriptionIds()) {
                    Sub sub = sub(s);
                    sub.order = e.orderId();
                    if (sub.customer == null) {
                        sub.customer = e.customerId();
                    }
                    settle(review(sub, eventId, today), today);
                }
            }
            case SubscriptionEvents.SubscriptionActivated e -> {
                account(e.customerId());
                Sub sub = sub(e.subscriptionId());
                if (sub.activation == null) {
                    sub.activation = e;
                    sub.learned = ++seq;
                    sub.customer = sub.customer == null ? e.customerId() : sub.customer;
                }
                settle(review(sub, eventId, today), today);
            }
            case SubscriptionEvents.PlanChanged e -> {
                Sub sub = sub(e.subscriptionId());
                State before = derive(sub);
                sub.changes.put(e.changeId(), new Object[] {e.planCode(), e.monthlyPriceOre(), e.effectiveOn(), ++seq});
                planChangeBooked(sub, e, before, derive(sub));
                settle(review(sub, eventId, today), today);
            }
            case SubscriptionEvents.PlanChangeCancelled e -> {
                Sub sub = sub(e.subscriptionId());
                sub.cancelled.add(e.changeId());
                Entry fee = ledger.get("plan-change-fee:" + e.changeId());
                if (fee != null) {
                    book(
                            "plan-change-fee-reversal:" + e.changeId(),
                            derive(sub).currentOwner(),
                            "FEE",
                            -fee.amount(),
                            sub.id,
                            null);
                }
                settle(review(sub, eventId, today), today);
            }
            case SubscriptionEvents.TermsChangeAnnounced e -> {
                planPrices
                        .computeIfAbsent(e.planCode(), k -> new ArrayList<>())
                        .add(new Object[] {e.effectiveOn(), e.newPriceOre(), ++seq});
                if (!YearMonth.from(e.effectiveOn()).isAfter(YearMonth.from(today))) {
                    for (Sub sub : List.copyOf(subs.values())) {
                        State s = derive(sub);
                        if ((s.status == Status.ACTIVE || s.status == Status.ENDED)
                                && s.terms.stream().anyMatch(t -> t.plan.equals(e.planCode()))) {
                            review(sub, eventId, today);
                        }
                    }
                }
            }
            case SubscriptionEvents.SubscriptionEnded e -> {
                Sub sub = sub(e.subscriptionId());
                sub.customer = sub.customer == null ? e.customerId() : sub.customer;
                sub.life.add(new Object[] {"ENDED", e.endedOn(), ++seq, null});
                settle(review(sub, eventId, today), today);
            }
            case SubscriptionEvents.OrderWithdrawn e -> {
                account(e.customerId());
                List<Object[]> reviews = new ArrayList<>();
                long refunded = 0;
                for (SubscriptionEvents.WithdrawnLine l : e.lines()) {
                    Sub sub = sub(l.subscriptionId());
                    sub.order = sub.order == null ? e.orderId() : sub.order;
                    sub.customer = sub.customer == null ? e.customerId() : sub.customer;
                    sub.life.add(new Object[] {"WITHDRAWN", e.withdrawnOn(), ++seq, null});
                    if (sub.withdrawal == null) {
                        sub.withdrawal = new Object[] {e.withdrawnOn(), l.voiceSecondsUsed(), l.dataMegabytesUsed()};
                    }
                    reviews.add(review(sub, eventId, today));
                }
                List<Sub> ofOrder = subs.values().stream()
                        .filter(s -> e.orderId().equals(s.order))
                        .toList();
                Entry fee = ledger.get("creation-fee:" + e.orderId());
                if (!ofOrder.isEmpty()
                        && ofOrder.stream().allMatch(s -> derive(s).status == Status.WITHDRAWN)
                        && fee != null) {
                    book("creation-fee-refund:" + e.orderId(), e.customerId(), "REFUND", -fee.amount(), null, null);
                }
                reviews.forEach(r -> settle(r, today));
            }
            case SubscriptionEvents.UsageBilled e -> {
                Sub sub = subs.get(e.subscriptionId());
                State s = sub == null ? null : derive(sub);
                LocalDate end = s == null ? null : s.lastEnd();
                if (end == null || !today.isAfter(end.plusDays(30))) {
                    book("usage:" + e.usageId(), e.customerId(), "USAGE", -e.amountOre(), e.subscriptionId(), null);
                }
            }
            case SubscriptionEvents.SubscriptionBlocked e -> {
                if ("DEBT".equals(e.reason())) {
                    book("closing-fee:" + eventId, e.customerId(), "FEE", -CLOSING_FEE, e.subscriptionId(), null);
                }
            }
            case SubscriptionEvents.SimReplaced e ->
                book("new-sim:" + eventId, e.customerId(), "FEE", -NEW_SIM_FEE, e.subscriptionId(), null);
            case PortingEvents.PortOutCompleted e -> {
                Sub sub = sub(e.subscriptionId());
                sub.customer = sub.customer == null ? e.customerId() : sub.customer;
                sub.life.add(new Object[] {"PORTED_OUT", e.portDate(), ++seq, e.portOutId()});
                settle(review(sub, eventId, today), today);
            }
            case PortingEvents.PortOutReverted e -> {
                Sub sub = sub(e.subscriptionId());
                sub.life.add(new Object[] {"REVERTED", e.revertedOn(), ++seq, e.portOutId()});
                settle(review(sub, eventId, today), today);
            }
            case PortingEvents.CompensationGranted e ->
                book("compensation:" + e.compensationId(), e.customerId(), "COMPENSATION", e.amountOre(), null, null);
            default -> throw new IllegalArgumentException("the model does not know " + event);
        }
    }

    /** The monthly run on {@code today} (the 1st): every line with a month charge due that has none yet. */
    void run(LocalDate today) {
        String runId = YearMonth.from(today).toString();
        for (Sub sub : subs.values()) {
            State s = derive(sub);
            if (s.status != Status.ACTIVE || s.ranges.isEmpty()) {
                continue;
            }
            for (Object[] m : dueMonths(s, today)) {
                YearMonth month = (YearMonth) m[0];
                if (!ledger.containsKey("charge:" + sub.id + ":" + month)) {
                    review(sub, "run-" + runId, today);
                    break;
                }
            }
        }
    }

    /** A collection sweep on {@code today} for the given accounts (R-BILL-04..06). */
    void sweep(String customer, boolean providerAnswers, LocalDate today) {
        Account a = accounts.get(customer);
        if (a == null) {
            return;
        }
        long collectible = balance(customer);
        if (collectible >= 0) {
            a.negativeSince = null;
            a.noticeOn = null;
            a.reminderOn = null;
            a.warningOn = null;
            return;
        }
        if (a.automatic) {
            if (a.pendingTopUp == null) {
                a.pendingTopUp = new Object[] {++a.topUps, TOP_UP_TARGET - collectible};
            }
            if (!providerAnswers) {
                return;
            }
            book(
                    "top-up:" + customer + ":" + a.pendingTopUp[0],
                    customer,
                    "TOP_UP",
                    (long) a.pendingTopUp[1],
                    null,
                    null);
            a.pendingTopUp = null;
            return;
        }
        if (a.negativeSince == null) {
            a.negativeSince = today;
        }
        if (a.noticeOn == null) {
            a.noticeOn = today;
        }
        if (a.reminderOn == null && !today.isBefore(a.noticeOn.plusDays(14))) {
            a.reminderOn = today;
            book("reminder:" + customer + ":" + a.negativeSince, customer, "FEE", -REMINDER_FEE, null, null);
        } else if (a.reminderOn != null && a.warningOn == null && !today.isBefore(a.reminderOn.plusDays(10))) {
            a.warningOn = today;
            book("debt-warning:" + customer + ":" + a.negativeSince, customer, "FEE", -WARNING_FEE, null, null);
        }
    }

    long balance(String customer) {
        return ledger.values().stream()
                .filter(e -> customer.equals(e.customer()))
                .mapToLong(Entry::amount)
                .sum();
    }

    Map<String, Long> entriesOf(String customer) {
        Map<String, Long> out = new TreeMap<>();
        ledger.forEach((cause, e) -> {
            if (customer.equals(e.customer())) {
                out.put(cause, e.amount());
            }
        });
        return out;
    }

    Account account(String customer) {
        return accounts.computeIfAbsent(customer, c -> new Account());
    }

    // ------------------------------------------------------------------------------------------------ state

    enum Status {
        UNKNOWN,
        PENDING,
        ACTIVE,
        ENDED,
        WITHDRAWN
    }

    record TermsRow(LocalDate from, String plan, long price, int seq) {}

    record Range(LocalDate from, LocalDate until) {
        boolean contains(LocalDate d) {
            return !d.isBefore(from) && (until == null || d.isBefore(until));
        }
    }

    static final class State {
        Status status;
        final List<Range> ranges = new ArrayList<>();
        final List<TermsRow> terms = new ArrayList<>();
        final List<Object[]> portOuts = new ArrayList<>(); // {id, on, revertedOn}
        final List<String[]> owners = new ArrayList<>();
        LocalDate bindingEnds;
        Object[] withdrawal;

        LocalDate lastEnd() {
            if (ranges.isEmpty()) {
                return null;
            }
            return ranges.get(ranges.size() - 1).until();
        }

        String currentOwner() {
            return owners.isEmpty() ? null : owners.get(owners.size() - 1)[1];
        }

        String ownerOn(LocalDate d) {
            String owner = owners.isEmpty() ? null : owners.get(0)[1];
            for (String[] o : owners) {
                if (o[0] == null || !LocalDate.parse(o[0]).isAfter(d)) {
                    owner = o[1];
                }
            }
            return owner;
        }
    }

    State derive(Sub sub) {
        State s = new State();
        String first = sub.activation != null ? sub.activation.customerId() : sub.customer;
        if (first != null) {
            s.owners.add(new String[] {null, first});
        }
        sub.owners.forEach(s.owners::add);
        if (sub.activation != null) {
            s.terms.add(new TermsRow(
                    sub.activation.activatedOn(),
                    sub.activation.planCode(),
                    sub.activation.monthlyPriceOre(),
                    sub.learned));
            s.bindingEnds = sub.activation.bindingEndsOn();
        }
        sub.changes.forEach((id, c) -> {
            if (!sub.cancelled.contains(id)) {
                s.terms.add(new TermsRow((LocalDate) c[2], (String) c[0], (long) c[1], (int) c[3]));
            }
        });
        s.terms.sort(Comparator.comparing(TermsRow::from).thenComparingInt(TermsRow::seq));
        List<Object[]> life = new ArrayList<>(sub.life);
        life.sort(Comparator.comparing((Object[] x) -> (LocalDate) x[1]).thenComparingInt(x -> (int) x[2]));
        LocalDate open = sub.activation == null ? null : sub.activation.activatedOn();
        boolean ended = false;
        for (Object[] l : life) {
            LocalDate on = (LocalDate) l[1];
            switch ((String) l[0]) {
                case "PORTED_OUT" -> {
                    if (open != null) {
                        s.ranges.add(new Range(open, on.isBefore(open) ? open : on));
                        open = null;
                    }
                    if (s.portOuts.stream().noneMatch(p -> p[0].equals(l[3]))) {
                        s.portOuts.add(new Object[] {l[3], on, null});
                    }
                }
                case "REVERTED" -> {
                    for (Object[] p : s.portOuts) {
                        if (p[0].equals(l[3]) && p[2] == null && !ended && s.withdrawal == null) {
                            p[2] = on;
                            if (open == null && sub.activation != null) {
                                open = on.isBefore((LocalDate) p[1]) ? (LocalDate) p[1] : on;
                            }
                        }
                    }
                }
                case "ENDED" -> {
                    if (open != null) {
                        s.ranges.add(new Range(open, on.isBefore(open) ? open : on));
                        open = null;
                    }
                    ended = true;
                }
                case "WITHDRAWN" -> {
                    if (open != null) {
                        s.ranges.add(new Range(open, on.isBefore(open) ? open : on));
                        open = null;
                    }
                    if (s.withdrawal == null) {
                        s.withdrawal = sub.withdrawal;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        if (open != null) {
            s.ranges.add(new Range(open, null));
        }
        s.ranges.removeIf(r -> r.until() != null && !r.until().isAfter(r.from()));
        if (s.withdrawal != null) {
            s.status = Status.WITHDRAWN;
        } else if (sub.activation != null) {
            s.status = !s.ranges.isEmpty() && s.ranges.get(s.ranges.size() - 1).until() == null
                    ? Status.ACTIVE
                    : Status.ENDED;
        } else if (sub.order != null) {
            s.status = Status.PENDING;
        } else {
            s.status = Status.UNKNOWN;
        }
        return s;
    }

    long price(State s, LocalDate day) {
        TermsRow t = null;
        for (TermsRow r : s.terms) {
            if (!r.from().isAfter(day)) {
                t = r;
            }
        }
        Objects.requireNonNull(t, "no terms on " + day);
        long p = t.price();
        List<Object[]> changes = new ArrayList<>(planPrices.getOrDefault(t.plan(), List.of()));
        changes.sort(Comparator.comparing((Object[] x) -> (LocalDate) x[0]).thenComparingInt(x -> (int) x[2]));
        for (Object[] c : changes) {
            LocalDate eff = (LocalDate) c[0];
            if (!eff.isBefore(t.from()) && !eff.isAfter(day)) {
                p = (long) c[1];
            }
        }
        return p;
    }

    /** Price × days ÷ days of the month, rounded half up to whole øre. */
    static long share(long price, long days, int daysInMonth) {
        return BigDecimal.valueOf(price)
                .multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(daysInMonth), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The stretches of a month a line pays for: all of it when live on the 1st and before, else its new days. */
    static List<LocalDate[]> stretches(State s, YearMonth m) {
        LocalDate first = m.atDay(1);
        LocalDate next = m.plusMonths(1).atDay(1);
        List<LocalDate[]> out = new ArrayList<>();
        for (Range r : s.ranges) {
            if (r.from().isBefore(first) && r.contains(first)) {
                return List.<LocalDate[]>of(new LocalDate[] {first, next});
            }
        }
        for (Range r : s.ranges) {
            if (!r.from().isBefore(first) && r.from().isBefore(next)) {
                LocalDate until = r.until() == null || r.until().isAfter(next) ? next : r.until();
                if (until.isAfter(r.from())) {
                    out.add(new LocalDate[] {r.from(), until});
                }
            }
        }
        return out;
    }

    /** R-BILL-09 as written: the first day's price over the stretch; each change credits the old, charges the new. */
    long stretchAmount(State s, LocalDate a, LocalDate b, int days) {
        long amount = share(price(s, a), ChronoUnit.DAYS.between(a, b), days);
        for (LocalDate d = a.plusDays(1); d.isBefore(b); d = d.plusDays(1)) {
            long before = price(s, d.minusDays(1));
            long now = price(s, d);
            if (before != now) {
                long n = ChronoUnit.DAYS.between(d, b);
                amount += share(now, n, days) - share(before, n, days);
            }
        }
        return amount;
    }

    long monthAmount(State s, YearMonth m) {
        long total = 0;
        for (LocalDate[] st : stretches(s, m)) {
            total += stretchAmount(s, st[0], st[1], m.lengthOfMonth());
        }
        return total;
    }

    /** {month, amount, payer} for every month due by today. */
    List<Object[]> dueMonths(State s, LocalDate today) {
        List<Object[]> out = new ArrayList<>();
        if (s.ranges.isEmpty() || (s.status != Status.ACTIVE && s.status != Status.ENDED)) {
            return out;
        }
        boolean ended = s.status == Status.ENDED;
        YearMonth last = YearMonth.from(today);
        if (ended) {
            YearMonth endMonth = YearMonth.from(s.lastEnd().minusDays(1));
            last = endMonth.isBefore(last) ? endMonth : last;
        }
        for (YearMonth m = YearMonth.from(s.ranges.get(0).from()); !m.isAfter(last); m = m.plusMonths(1)) {
            List<LocalDate[]> st = stretches(s, m);
            if (st.isEmpty()) {
                continue;
            }
            LocalDate first = m.atDay(1);
            boolean inAdvance = s.ranges.stream().anyMatch(r -> r.from().isBefore(first) && r.contains(first));
            LocalDate due = inAdvance || ended ? first : m.plusMonths(1).atDay(1);
            if (!due.isAfter(today)) {
                out.add(new Object[] {m, monthAmount(s, m), s.ownerOn(st.get(0)[0])});
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ booking

    /** Books what the facts now say the line owes and the ledger does not hold; returns {sub, state}. */
    Object[] review(Sub sub, String factKey, LocalDate today) {
        State s = derive(sub);
        if (s.status == Status.ACTIVE || s.status == Status.ENDED) {
            Set<YearMonth> due = new HashSet<>();
            for (Object[] m : dueMonths(s, today)) {
                YearMonth month = (YearMonth) m[0];
                due.add(month);
                bring(sub.id, month, -(long) m[1], (String) m[2], factKey);
            }
            for (YearMonth month : bookedMonths(sub.id)) {
                if (!due.contains(month)
                        && monthTotal(sub.id, month) != 0
                        && ledger.containsKey("charge:" + sub.id + ":" + month)
                        && stretches(s, month).isEmpty()) {
                    bring(sub.id, month, 0, payerOf(sub.id, month), factKey);
                }
            }
        }
        if (s.status != Status.WITHDRAWN) {
            for (Object[] p : s.portOuts) {
                String binding = "binding:" + sub.id + ":" + p[0];
                if (p[2] == null) {
                    long fees = bindingFees(s, (LocalDate) p[1]);
                    if (fees > 0 && !ledger.containsKey(binding)) {
                        book(binding, s.ownerOn((LocalDate) p[1]), "FEE", -fees, sub.id, null);
                    }
                } else if (ledger.containsKey(binding)) {
                    Entry e = ledger.get(binding);
                    book("binding-reversal:" + sub.id + ":" + p[0], e.customer(), "FEE", -e.amount(), sub.id, null);
                }
            }
        } else {
            long kept = kept(s);
            long net = ledger.entrySet().stream()
                    .filter(x -> sub.id.equals(x.getValue().subscription())
                            && !"USAGE".equals(x.getValue().kind())
                            && !x.getKey().startsWith("binding"))
                    .mapToLong(x -> x.getValue().amount())
                    .sum();
            long difference = -kept - net;
            if (difference != 0) {
                String cause = ledger.containsKey("withdrawal:" + sub.id)
                        ? "withdrawal-adjust:" + sub.id + ":" + factKey
                        : "withdrawal:" + sub.id;
                book(
                        cause,
                        s.ownerOn((LocalDate) s.withdrawal[0]),
                        difference > 0 ? "REFUND" : "FEE",
                        difference,
                        sub.id,
                        null);
            }
        }
        return new Object[] {sub, s};
    }

    private void bring(String sub, YearMonth month, long wanted, String payer, String factKey) {
        String charge = "charge:" + sub + ":" + month;
        if (!ledger.containsKey(charge)) {
            book(charge, payer, "CHARGE", wanted - monthTotal(sub, month), sub, month);
        }
        long difference = wanted - monthTotal(sub, month);
        if (difference != 0) {
            book("adjust:" + sub + ":" + month + ":" + factKey, payer, "CHARGE", difference, sub, month);
        }
    }

    private long monthTotal(String sub, YearMonth month) {
        return ledger.values().stream()
                .filter(e -> sub.equals(e.subscription()) && month.equals(e.month()))
                .mapToLong(Entry::amount)
                .sum();
    }

    private Set<YearMonth> bookedMonths(String sub) {
        Set<YearMonth> months = new LinkedHashSet<>();
        ledger.values().forEach(e -> {
            if (sub.equals(e.subscription()) && e.month() != null) {
                months.add(e.month());
            }
        });
        return months;
    }

    private String payerOf(String sub, YearMonth month) {
        return ledger.values().stream()
                .filter(e -> sub.equals(e.subscription()) && month.equals(e.month()))
                .map(Entry::customer)
                .findFirst()
                .orElseThrow();
    }

    /** R-POUT-04: each month whose 1st is from the port date up to the binding's end, at that 1st's price. */
    long bindingFees(State s, LocalDate portDate) {
        if (s.bindingEnds == null || !s.bindingEnds.isAfter(portDate) || s.terms.isEmpty()) {
            return 0;
        }
        long owed = 0;
        for (LocalDate d = portDate; d.isBefore(s.bindingEnds); d = d.plusDays(1)) {
            if (d.getDayOfMonth() == 1) {
                owed += price(s, d);
            }
        }
        return owed;
    }

    /** R-WDR-04: over 2 hours (7200 s) or 2 GB (2048 MB), the fee for activation day to withdrawal day is kept. */
    long kept(State s) {
        Object[] w = s.withdrawal;
        if (w == null || s.ranges.isEmpty()) {
            return 0;
        }
        if ((long) w[1] <= 7200 && (long) w[2] <= 2048) {
            return 0;
        }
        LocalDate lastDay = (LocalDate) w[0];
        long kept = 0;
        for (Range r : s.ranges) {
            LocalDate until = r.until() == null || !r.until().isBefore(lastDay) ? lastDay.plusDays(1) : r.until();
            LocalDate from = r.from();
            while (from.isBefore(until)) {
                YearMonth m = YearMonth.from(from);
                LocalDate stop = m.plusMonths(1).atDay(1).isBefore(until)
                        ? m.plusMonths(1).atDay(1)
                        : until;
                kept += stretchAmount(s, from, stop, m.lengthOfMonth());
                from = stop;
            }
        }
        return kept;
    }

    private void planChangeBooked(Sub sub, SubscriptionEvents.PlanChanged e, State before, State after) {
        if (after.status == Status.WITHDRAWN || after.ranges.isEmpty()) {
            return;
        }
        String payer = after.ownerOn(e.effectiveOn());
        if (planChangeFee > 0 && payer != null) {
            book("plan-change-fee:" + e.changeId(), payer, "FEE", -planChangeFee, sub.id, null);
        }
        YearMonth month = YearMonth.from(e.effectiveOn());
        if (!ledger.containsKey("charge:" + sub.id + ":" + month) || before.ranges.isEmpty()) {
            return;
        }
        for (LocalDate[] st : stretches(after, month)) {
            LocalDate from = e.effectiveOn();
            if (from.isBefore(st[0]) || !from.isBefore(st[1])) {
                continue;
            }
            long n = ChronoUnit.DAYS.between(from, st[1]);
            int days = month.lengthOfMonth();
            book(
                    "plan-change-credit:" + e.changeId(),
                    payer,
                    "CHARGE",
                    share(price(before, from), n, days),
                    sub.id,
                    month);
            book(
                    "plan-change-charge:" + e.changeId(),
                    payer,
                    "CHARGE",
                    -share(price(after, from), n, days),
                    sub.id,
                    month);
        }
    }

    /** R-BILL-07 after a review: settle when the customer's last line has ended; a revert takes its settlement back. */
    private void settle(Object[] reviewed, LocalDate today) {
        Sub sub = (Sub) reviewed[0];
        State s = (State) reviewed[1];
        Set<String> customers = new LinkedHashSet<>();
        s.owners.forEach(o -> customers.add(o[1]));
        if (sub.customer != null) {
            customers.add(sub.customer);
        }
        for (String c : customers) {
            Account a = account(c);
            boolean open = subs.values().stream().anyMatch(x -> {
                State xs = derive(x);
                String owner = xs.currentOwner() != null ? xs.currentOwner() : x.customer;
                return c.equals(owner)
                        && (xs.status == Status.UNKNOWN || xs.status == Status.PENDING || xs.status == Status.ACTIVE);
            });
            if (open) {
                if (a.settled) {
                    a.settled = false;
                    boolean reverted =
                            s.status == Status.ACTIVE && s.portOuts.stream().anyMatch(p -> p[2] != null);
                    Object[] latest = null;
                    for (Object[] st : a.settlementLog) {
                        if (!(boolean) st[3]) {
                            latest = st;
                        }
                    }
                    if (reverted && latest != null && sub.id.equals(latest[1])) {
                        book(
                                "settlement-reversal:" + c + ":" + latest[0],
                                c,
                                "SETTLEMENT",
                                -(long) latest[2],
                                null,
                                null);
                        latest[3] = true;
                    }
                }
            } else if (!a.settled && s.owners.stream().anyMatch(o -> c.equals(o[1]))) {
                long balance = balance(c);
                long writeOff = Math.abs(balance) <= 2500 ? -balance : 0;
                int n = ++a.settlements;
                book("settlement:" + c + ":" + n, c, "SETTLEMENT", writeOff, null, null);
                a.settlementLog.add(new Object[] {n, sub.id, writeOff, false});
                a.settled = true;
            }
        }
    }

    private Sub sub(String id) {
        return subs.computeIfAbsent(id, Sub::new);
    }

    private void book(String cause, String customer, String kind, long amount, String sub, YearMonth month) {
        if (customer == null || amount == 0 || ledger.containsKey(cause)) {
            return;
        }
        account(customer);
        ledger.put(cause, new Entry(customer, kind, amount, sub, month));
    }
}

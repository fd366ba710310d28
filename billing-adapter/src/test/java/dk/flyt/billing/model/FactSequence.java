package dk.flyt.billing.model;

import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.contracts.subscription.SubscriptionEvents;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One randomized, seeded, reproducible life of a customer and their lines over four months, as the facts the other
 * services publish, with the monthly runs and the collection sweeps between them. Facts arrive once, twice (the
 * same event id again) or out of order across keys within a day (Kafka keeps order per key only); an activation at
 * 23:58 on the last day of a month may arrive after the next month's run.
 */
final class FactSequence {
    enum Kind {
        DELIVER,
        RUN,
        SWEEP,
        PAYMENT_METHOD,
        PROVIDER_DOWN,
        PROVIDER_UP
    }

    record Step(LocalDateTime at, Kind kind, String eventId, Object event, String key) {
        @Override
        public String toString() {
            return at + " " + kind + (event == null ? "" : " " + eventId.substring(0, 8) + " " + event);
        }
    }

    final long seed;
    final YearMonth start;
    final String customer;
    final String paymentRef;
    final List<Step> steps;

    private FactSequence(long seed, YearMonth start, String customer, String paymentRef, List<Step> steps) {
        this.seed = seed;
        this.start = start;
        this.customer = customer;
        this.paymentRef = paymentRef;
        this.steps = steps;
    }

    String describe() {
        StringBuilder b = new StringBuilder("seed " + seed + ", from " + start + ", customer " + customer + "\n");
        steps.forEach(s -> b.append("  ").append(s).append('\n'));
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------ generation

    private record Timed(LocalDateTime at, String key, Object event) {}

    static FactSequence generate(long seed, YearMonth start) {
        Random r = new Random(seed);
        String p = "m" + seed;
        String customer = p + "-c";
        String order = p + "-o";
        LocalDate d0 = start.atDay(1 + r.nextInt(10));
        LocalDate horizon = start.plusMonths(3).atDay(1);
        String planA = p + "-A";
        String planB = p + "-B";
        String planS = p + "-S";
        Map<String, Long> base = Map.of(
                planA, r.nextBoolean() ? 9_900L : 14_900L, planB, r.nextBoolean() ? 12_900L : 19_900L, planS, 24_900L);
        Map<String, TreeMap<LocalDate, Long>> changes = new LinkedHashMap<>();
        List<Timed> facts = new ArrayList<>();
        LocalDateTime announced = d0.atTime(9, 0);

        if (r.nextBoolean()) {
            String plan = r.nextBoolean() ? planA : planB;
            boolean rise = r.nextBoolean();
            LocalDate eff = rise ? d0.plusMonths(1).plusDays(r.nextInt(20)) : d0.plusDays(r.nextInt(40));
            long price = base.get(plan) + (rise ? 1_000L * (1 + r.nextInt(3)) : -1_000L);
            changes.computeIfAbsent(plan, k -> new TreeMap<>()).put(eff, price);
            facts.add(new Timed(
                    announced,
                    plan,
                    new SubscriptionEvents.TermsChangeAnnounced(p + "-pc", plan, price, d0, eff, !rise)));
        }

        int lines = 1 + r.nextInt(3);
        List<String> subs = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            subs.add(p + "-s" + i);
        }
        long fee = r.nextInt(10) < 3 ? 0 : 9_900;
        facts.add(new Timed(
                d0.atTime(10, 0),
                order,
                new SubscriptionEvents.OrderApproved(order, customer, fee, fee == 0, List.copyOf(subs))));

        Map<LocalDate, List<SubscriptionEvents.WithdrawnLine>> withdrawals = new TreeMap<>();
        LocalDate lastWithdrawalDay = d0.plusDays(13);
        int late = -1;
        for (int i = 0; i < lines; i++) {
            String s = subs.get(i);
            String plan = r.nextBoolean() ? planA : planB;
            if (r.nextInt(100) < 8) {
                // withdrawn while still pending: never activated
                withdrawals
                        .computeIfAbsent(d0.plusDays(1 + r.nextInt(5)), k -> new ArrayList<>())
                        .add(new SubscriptionEvents.WithdrawnLine(s, 0, 0));
                continue;
            }
            LocalDate a = d0.plusDays(1 + r.nextInt(12));
            LocalTime at = LocalTime.of(2, 0).plusMinutes(r.nextInt(20 * 60));
            if (late < 0 && r.nextInt(10) == 0) {
                a = YearMonth.from(d0).atEndOfMonth();
                at = LocalTime.of(23, 58);
                late = i;
            }
            Integer binding = r.nextInt(3) == 0 ? null : (r.nextBoolean() ? 3 : 6);
            facts.add(new Timed(
                    LocalDateTime.of(a, at),
                    s,
                    new SubscriptionEvents.SubscriptionActivated(
                            s,
                            customer,
                            "+45" + (20_000_000 + i),
                            "8945010000000000001",
                            plan,
                            price(base, changes, plan, a),
                            a,
                            binding == null ? null : a.plusMonths(binding))));

            // how it ends: withdrawal within the period, a port-out (maybe reverted), or a cancellation
            LocalDate end;
            int how = r.nextInt(100);
            if (how < 25 && !a.isAfter(lastWithdrawalDay)) {
                LocalDate w = a.plusDays(r.nextInt((int) (lastWithdrawalDay.toEpochDay() - a.toEpochDay()) + 1));
                boolean heavy = r.nextBoolean();
                withdrawals
                        .computeIfAbsent(w, k -> new ArrayList<>())
                        .add(new SubscriptionEvents.WithdrawnLine(
                                s, heavy && r.nextBoolean() ? 7_201 : 600, heavy ? 3_000 : 100));
                end = w;
            } else if (how < 60) {
                LocalDate po =
                        a.plusDays(5 + r.nextInt(Math.max(1, (int) (horizon.toEpochDay() - a.toEpochDay()) - 15)));
                String portOut = s + "-po";
                facts.add(new Timed(
                        po.atTime(2, 30),
                        portOut,
                        new PortingEvents.PortOutCompleted(portOut, "+4520000000", s, customer, "TELIA", po)));
                end = po;
                if (r.nextInt(10) < 3) {
                    LocalDate rv = po.plusDays(1 + r.nextInt(3));
                    facts.add(new Timed(
                            rv.atTime(11, 0),
                            portOut,
                            new PortingEvents.PortOutReverted(portOut, "+4520000000", s, customer, rv)));
                    LocalDate e =
                            rv.plusDays(2 + r.nextInt(Math.max(1, (int) (horizon.toEpochDay() - rv.toEpochDay()) - 2)));
                    facts.add(new Timed(
                            e.atTime(0, 5),
                            s,
                            new SubscriptionEvents.SubscriptionEnded(s, customer, "+4520000000", e)));
                    end = e;
                }
            } else {
                LocalDate e = a.plusDays(3 + r.nextInt(Math.max(1, (int) (horizon.toEpochDay() - a.toEpochDay()) - 3)));
                facts.add(new Timed(
                        e.atTime(0, 5), s, new SubscriptionEvents.SubscriptionEnded(s, customer, "+4520000000", e)));
                end = e;
            }

            // plan changes while it is live
            String current = plan;
            YearMonth changedIn = null;
            if (r.nextInt(4) == 0 && end.isAfter(a.plusDays(2))) {
                LocalDate x = a.plusDays(1 + r.nextInt((int) Math.min(30, end.toEpochDay() - a.toEpochDay() - 1)));
                facts.add(new Timed(
                        x.atTime(15, 0),
                        s,
                        new SubscriptionEvents.PlanChanged(s, s + "-ci", planS, price(base, changes, planS, x), x)));
                current = planS;
                changedIn = YearMonth.from(x);
            }
            if (r.nextInt(10) < 3) {
                LocalDate y = a.plusDays(1 + r.nextInt(40));
                LocalDate eff = YearMonth.from(y).plusMonths(1).atDay(1);
                if (eff.isBefore(end) && !YearMonth.from(y).equals(changedIn)) {
                    String target = current.equals(planA) ? planB : planA;
                    String change = s + "-cs";
                    facts.add(new Timed(
                            y.atTime(16, 0),
                            s,
                            new SubscriptionEvents.PlanChanged(
                                    s, change, target, price(base, changes, target, eff), eff)));
                    if (r.nextInt(10) < 3 && y.plusDays(1).isBefore(eff)) {
                        facts.add(new Timed(
                                y.plusDays(1).atTime(16, 0), s, new SubscriptionEvents.PlanChangeCancelled(s, change)));
                    }
                }
            }

            // usage, some of it rated late; a block for debt
            for (int u = 0; u < r.nextInt(3); u++) {
                LocalDate used = a.plusDays(r.nextInt((int) Math.max(1, end.toEpochDay() - a.toEpochDay())));
                // R-POUT-02: rated 10 days after the end is still charged, 35 days after no longer
                LocalDate rated = r.nextInt(4) == 0 ? end.plusDays(r.nextBoolean() ? 10 : 35) : used;
                {
                    facts.add(new Timed(
                            rated.atTime(13, u),
                            s,
                            new SubscriptionEvents.UsageBilled(
                                    s + "-u" + u, s, customer, 100 + r.nextInt(2_900), used)));
                }
            }
            if (r.nextInt(10) == 0 && end.isAfter(a.plusDays(3))) {
                LocalDate b = a.plusDays(2);
                facts.add(new Timed(
                        b.atTime(12, 0), s, new SubscriptionEvents.SubscriptionBlocked(s, customer, "DEBT", b)));
            }
        }
        int w = 0;
        for (Map.Entry<LocalDate, List<SubscriptionEvents.WithdrawnLine>> e : withdrawals.entrySet()) {
            List<SubscriptionEvents.WithdrawnLine> withdrawn = e.getValue();
            facts.add(new Timed(
                    e.getKey().atTime(18, 0),
                    order,
                    new SubscriptionEvents.OrderWithdrawn(
                            order,
                            customer,
                            withdrawn.stream()
                                    .map(SubscriptionEvents.WithdrawnLine::subscriptionId)
                                    .toList(),
                            e.getKey(),
                            withdrawn.stream()
                                    .mapToLong(SubscriptionEvents.WithdrawnLine::voiceSecondsUsed)
                                    .sum(),
                            withdrawn.stream()
                                    .mapToLong(SubscriptionEvents.WithdrawnLine::dataMegabytesUsed)
                                    .sum(),
                            order + "-w" + w++,
                            withdrawn)));
        }

        // a facts' key keeps its order; the clock keeps time's
        facts.sort(Comparator.comparing(Timed::at));
        String paymentRef = r.nextInt(10) < 7 ? "card-" + customer : null;
        List<Step> steps = new ArrayList<>();
        if (paymentRef != null) {
            steps.add(new Step(d0.atTime(8, 0), Kind.PAYMENT_METHOD, null, null, null));
        }
        List<LocalDateTime> actions = new ArrayList<>();
        for (int m = 1; m <= 3; m++) {
            actions.add(start.plusMonths(m).atDay(1).atTime(3, 0));
        }
        for (int m = 0; m < 3; m++) {
            for (int day : new int[] {5, 15, 25}) {
                actions.add(start.plusMonths(m).atDay(day).atTime(12, 30));
            }
        }
        actions.sort(Comparator.naturalOrder());

        int next = 0;
        Deque<Timed> lateOnes = new ArrayDeque<>();
        for (LocalDateTime action : actions) {
            List<Timed> before = new ArrayList<>();
            while (next < facts.size() && facts.get(next).at().isBefore(action)) {
                Timed f = facts.get(next++);
                if (f.event() instanceof SubscriptionEvents.SubscriptionActivated
                        && f.at().toLocalTime().equals(LocalTime.of(23, 58))) {
                    lateOnes.add(f);
                } else {
                    before.add(f);
                }
            }
            deliver(steps, before, r);
            Kind kind = action.toLocalTime().equals(LocalTime.of(3, 0)) ? Kind.RUN : Kind.SWEEP;
            if (kind == Kind.SWEEP && paymentRef != null && r.nextInt(10) < 2) {
                steps.add(new Step(action.minusMinutes(1), Kind.PROVIDER_DOWN, null, null, null));
                steps.add(new Step(action, kind, null, null, null));
                steps.add(new Step(action.plusMinutes(1), Kind.PROVIDER_UP, null, null, null));
            } else {
                steps.add(new Step(action, kind, null, null, null));
            }
            if (kind == Kind.RUN) {
                // learned five minutes after the run started: charged at once
                for (Timed f : lateOnes) {
                    deliver(steps, List.of(new Timed(action.plusMinutes(5), f.key(), f.event())), r);
                }
                lateOnes.clear();
            }
        }
        List<Timed> rest = new ArrayList<>(facts.subList(next, facts.size()));
        rest.addAll(lateOnes);
        deliver(steps, rest, r);
        return new FactSequence(seed, start, customer, paymentRef, steps);
    }

    /**
     * Delivers facts day by day: within a day, the keys' queues are merged in a random order (each key's own order
     * kept), the clock never going back; some facts are delivered a second time under the same id.
     */
    private static void deliver(List<Step> steps, List<Timed> facts, Random r) {
        Map<LocalDate, List<Timed>> byDay = new TreeMap<>();
        facts.forEach(f -> byDay.computeIfAbsent(f.at().toLocalDate(), k -> new ArrayList<>())
                .add(f));
        for (List<Timed> day : byDay.values()) {
            Map<String, Deque<Timed>> queues = new LinkedHashMap<>();
            day.forEach(f ->
                    queues.computeIfAbsent(f.key(), k -> new ArrayDeque<>()).add(f));
            LocalDateTime clock = day.get(0).at();
            List<String[]> again = new ArrayList<>();
            while (!queues.isEmpty()) {
                List<String> keys = new ArrayList<>(queues.keySet());
                String key = keys.get(r.nextInt(keys.size()));
                Timed f = queues.get(key).poll();
                if (queues.get(key).isEmpty()) {
                    queues.remove(key);
                }
                clock = f.at().isAfter(clock) ? f.at() : clock;
                String id = java.util
                        .UUID
                        .nameUUIDFromBytes((f.toString() + r.nextLong()).getBytes())
                        .toString();
                steps.add(new Step(clock, Kind.DELIVER, id, f.event(), f.key()));
                if (r.nextInt(100) < 15) {
                    steps.add(new Step(clock, Kind.DELIVER, id, f.event(), f.key()));
                }
            }
        }
    }

    /** The catalogue price of a plan on a day, with its announced changes. */
    private static long price(
            Map<String, Long> base, Map<String, TreeMap<LocalDate, Long>> changes, String plan, LocalDate day) {
        TreeMap<LocalDate, Long> c = changes.get(plan);
        if (c != null && c.floorEntry(day) != null) {
            return c.floorEntry(day).getValue();
        }
        return base.get(plan);
    }
}

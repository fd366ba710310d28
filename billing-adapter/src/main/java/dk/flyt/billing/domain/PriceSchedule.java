package dk.flyt.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a subscription costs on each day: the terms in force (the latest that starts on or before the day), whose
 * price a plan's announced price change replaces from its own date on (R-SUB-11). A plan price change dated on or
 * after the terms' first day applies to them; one dated before it is already in the price the subscription service
 * stated for them. On the same day the plan's announced price wins.
 */
public final class PriceSchedule {
    private static final Comparator<Terms> TERMS_ORDER =
            Comparator.comparing(Terms::from).thenComparingLong(Terms::seq);
    private static final Comparator<PlanPrice> PRICE_ORDER =
            Comparator.comparing(PlanPrice::from).thenComparingLong(PlanPrice::seq);

    private final List<Terms> terms;
    private final Map<String, List<PlanPrice>> planPrices;

    private PriceSchedule(List<Terms> terms, Map<String, List<PlanPrice>> planPrices) {
        this.terms = terms;
        this.planPrices = planPrices;
    }

    /** {@code terms} in any order (cancelled plan changes left out); {@code planPrices} of any plans. */
    public static PriceSchedule of(List<Terms> terms, List<PlanPrice> planPrices) {
        List<Terms> sorted = new ArrayList<>(terms);
        sorted.sort(TERMS_ORDER);
        Map<String, List<PlanPrice>> byPlan = planPrices.stream()
                .collect(Collectors.groupingBy(
                        PlanPrice::planCode, Collectors.collectingAndThen(Collectors.toList(), l -> {
                            l.sort(PRICE_ORDER);
                            return List.copyOf(l);
                        })));
        return new PriceSchedule(List.copyOf(sorted), byPlan);
    }

    public List<Terms> terms() {
        return terms;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The terms in force on {@code day}; null before the first. */
    public Terms termsOn(LocalDate day) {
        Terms inForce = null;
        for (Terms t : terms) {
            if (t.from().isAfter(day)) {
                break;
            }
            inForce = t;
        }
        return inForce;
    }

    /** The monthly price in force on {@code day}, in øre. */
    public long priceOn(LocalDate day) {
        Terms t = termsOn(day);
        if (t == null) {
            throw new IllegalArgumentException("no terms in force on " + day);
        }
        long price = t.monthlyPriceOre();
        for (PlanPrice p : planPrices.getOrDefault(t.planCode(), List.of())) {
            if (p.from().isAfter(day)) {
                break;
            }
            if (!p.from().isBefore(t.from())) {
                price = p.priceOre();
            }
        }
        return price;
    }

    public String planOn(LocalDate day) {
        Terms t = termsOn(day);
        return t == null ? null : t.planCode();
    }

    /** The days strictly between {@code after} and {@code before} on which the price may change. */
    public NavigableSet<LocalDate> changePoints(LocalDate after, LocalDate before) {
        NavigableSet<LocalDate> points = new TreeSet<>();
        for (Terms t : terms) {
            if (t.from().isAfter(after) && t.from().isBefore(before)) {
                points.add(t.from());
            }
            for (PlanPrice p : planPrices.getOrDefault(t.planCode(), List.of())) {
                if (p.from().isAfter(after) && p.from().isBefore(before)) {
                    points.add(p.from());
                }
            }
        }
        return points;
    }
}

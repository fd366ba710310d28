package dk.flyt.billing.domain;

/**
 * An amount in Danish kroner incl. VAT, held as whole øre (1 kr = 100 øre), never as a floating-point number.
 * Negative amounts are allowed: a balance can be negative.
 */
public record Money(long ore) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public static Money kroner(long kroner) {
        return new Money(Math.multiplyExact(kroner, 100L));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(ore, other.ore));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(ore, other.ore));
    }

    public Money negate() {
        return new Money(Math.negateExact(ore));
    }

    public boolean isNegative() {
        return ore < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(ore, other.ore);
    }

    /** {@code 1234.50 kr}, {@code -0.05 kr}. */
    @Override
    public String toString() {
        long abs = Math.abs(ore);
        return (ore < 0 ? "-" : "") + abs / 100 + "." + String.format("%02d", abs % 100) + " kr";
    }
}

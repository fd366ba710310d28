package dk.flyt.platform.json;

/**
 * Bounds on the amounts a client may send (the security issue, input limits): no price, top-up, dispute, credit or
 * usage charge is negative or above one million kroner, far beyond any real one and far inside a {@code long}.
 */
public final class Amounts {
    /** 1,000,000 kr in øre. */
    public static final long MAX_ORE = 100_000_000L;

    /** Whether {@code ore} is a plausible amount: from 0 to {@link #MAX_ORE}. */
    public static boolean plausible(long ore) {
        return ore >= 0 && ore <= MAX_ORE;
    }

    private Amounts() {}
}

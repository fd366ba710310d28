package dk.flyt.subscription.domain;

/** R-ORD-06: 99 kr per order unless its campaign waives it. */
public final class CreationFee {
    public static final long ORE = 9_900;

    public static long forOrder(boolean campaignWaivesIt) {
        return campaignWaivesIt ? 0 : ORE;
    }

    private CreationFee() {}
}

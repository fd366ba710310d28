package dk.flyt.subscription.domain;

/** A plan of the catalogue; {@code basic} is the usage-priced Basic plan. Prices in øre incl. VAT. */
public record Plan(
        String code, String name, PlanType type, long monthlyPriceOre, boolean streamingIncluded, boolean basic) {}

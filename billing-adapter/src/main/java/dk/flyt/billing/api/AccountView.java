package dk.flyt.billing.api;

import java.time.Instant;

/** An account as the API shows it. {@code balance} is in øre. */
public record AccountView(
        String customerId, long balance, String currency, boolean automaticPayment, Instant openedAt) {}

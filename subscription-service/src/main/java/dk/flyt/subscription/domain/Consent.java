package dk.flyt.subscription.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's consent to outbound sales contact (R-ORD-09): given at a time, through a channel, under a version of
 * the consent wording; withdrawable at any time, effective at once.
 */
public record Consent(
        UUID id,
        String customerId,
        ContactChannel channel,
        String wordingVersion,
        Instant givenAt,
        Instant withdrawnAt) {

    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(givenAt, "givenAt");
        if (wordingVersion == null || wordingVersion.isBlank()) {
            throw new IllegalArgumentException("a consent names the wording the customer agreed to");
        }
        if (withdrawnAt != null && withdrawnAt.isBefore(givenAt)) {
            throw new IllegalArgumentException("a consent cannot be withdrawn before it was given");
        }
    }

    /** In force at {@code at}: given by then and not withdrawn by then. */
    public boolean isActiveAt(Instant at) {
        return !givenAt.isAfter(at) && (withdrawnAt == null || at.isBefore(withdrawnAt));
    }

    /** Withdrawn now; withdrawing twice keeps the first time. */
    public Consent withdraw(Instant at) {
        if (withdrawnAt != null) {
            return this;
        }
        return new Consent(id, customerId, channel, wordingVersion, givenAt, at.isBefore(givenAt) ? givenAt : at);
    }

    /** Whether outbound contact through {@code channel} is allowed at {@code at} (R-ORD-09). */
    public static boolean permitsContact(Collection<Consent> consents, ContactChannel channel, Instant at) {
        return consents.stream().anyMatch(c -> c.channel() == channel && c.isActiveAt(at));
    }
}

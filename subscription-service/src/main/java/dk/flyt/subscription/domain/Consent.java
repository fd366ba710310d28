package dk.flyt.subscription.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's consent to outbound sales contact (R-ORD-09): given at a time, through a channel, under a version of
 * the consent wording; withdrawable at any time, effective at once. {@code recordedBy} is who recorded it: the
 * customer themself (self-service, the subject is the customer id) or an agent, in {@code recordedInContact} (R-DATA-02;
 * null for self-service and for consents recorded before contacts existed).
 */
public record Consent(
        UUID id,
        String customerId,
        ContactChannel channel,
        String wordingVersion,
        Instant givenAt,
        Instant withdrawnAt,
        String recordedBy,
        UUID recordedInContact) {

    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(givenAt, "givenAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
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
        return new Consent(
                id,
                customerId,
                channel,
                wordingVersion,
                givenAt,
                at.isBefore(givenAt) ? givenAt : at,
                recordedBy,
                recordedInContact);
    }

    /** Given by the customer through a self-service channel (their own login), not taken down by an agent. */
    public boolean isSelfService() {
        return customerId.equals(recordedBy);
    }

    /** Recorded by this agent in this contact (a consent from before contacts counts as any of the agent's). */
    private boolean sameConversation(String agent, UUID contact) {
        return recordedBy.equals(agent) && (recordedInContact == null || recordedInContact.equals(contact));
    }

    /** Why an outbound sale may not go ahead, if it may not. */
    public enum SaleRefusal {
        /** No consent for the sale's channel is in force. */
        NO_CONSENT,
        /**
         * The only consents in force were recorded by the seller themself in the same contact, so one agent would
         * both ask and sell in one conversation.
         */
        RECORDED_BY_SELLER
    }

    /**
     * R-ORD-09: an outbound sale through {@code channel} needs a consent for that channel in force at {@code at}.
     * A consent an agent recorded does not let the same agent make the sale in the same contact ({@code
     * sellersContact}); one the customer gave through self service does, whoever sells.
     */
    public static java.util.Optional<SaleRefusal> refusesSale(
            Collection<Consent> consents, ContactChannel channel, Instant at, String seller, UUID sellersContact) {
        List<Consent> inForce = consents.stream()
                .filter(c -> c.channel() == channel && c.isActiveAt(at))
                .toList();
        if (inForce.isEmpty()) {
            return java.util.Optional.of(SaleRefusal.NO_CONSENT);
        }
        boolean independent =
                inForce.stream().anyMatch(c -> c.isSelfService() || !c.sameConversation(seller, sellersContact));
        return independent ? java.util.Optional.empty() : java.util.Optional.of(SaleRefusal.RECORDED_BY_SELLER);
    }

    /** Whether outbound contact through {@code channel} is allowed at {@code at} (R-ORD-09). */
    public static boolean permitsContact(Collection<Consent> consents, ContactChannel channel, Instant at) {
        return consents.stream().anyMatch(c -> c.channel() == channel && c.isActiveAt(at));
    }
}

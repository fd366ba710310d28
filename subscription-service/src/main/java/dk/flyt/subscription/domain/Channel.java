package dk.flyt.subscription.domain;

import java.util.Optional;

/** Where an order came from. {@link #TELESALES} is an agent's outbound call (R-ORD-08/09). */
public enum Channel {
    WEBSHOP,
    AGENT,
    TELESALES;

    /** The channel through which an outbound sale reached the customer, whose consent it needs (R-ORD-09). */
    public Optional<ContactChannel> outboundContact() {
        return this == TELESALES ? Optional.of(ContactChannel.PHONE) : Optional.empty();
    }
}

package dk.flyt.subscription.domain;

/** Where an order came from. {@link #TELESALES} is an agent's outbound call (R-ORD-08/09). */
public enum Channel {
    WEBSHOP,
    AGENT,
    TELESALES
}

package dk.flyt.subscription.domain;

/** How a seller may reach a customer for outbound sales. */
public enum ContactChannel {
    PHONE,
    SMS,
    EMAIL
}

package dk.flyt.subscription.domain;

/** How a customer and customer service are in touch during a contact (R-DATA-02). */
public enum ServiceChannel {
    PHONE,
    CHAT,
    EMAIL,
    SHOP,
    LETTER
}

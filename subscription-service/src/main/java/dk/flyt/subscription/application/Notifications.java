package dk.flyt.subscription.application;

/**
 * Messages to a customer by e-mail or SMS. The link carries a one-time token, never personal data; the adapter
 * looks the address up itself from the customer id.
 */
public interface Notifications {
    void sendAcceptanceLink(String customerId, String orderId, String token);

    void sendOwnershipTransferLink(String newOwnerCustomerId, String transferId, String token);
}

package dk.flyt.billing.provider;

/** The payment provider (card, MobilePay). The simulator is the adapter until a provider contract exists. */
public interface PaymentProvider {
    /** Takes {@code amountOre} from the payment method; the same idempotency key never takes twice. */
    Result charge(String paymentRef, long amountOre, String idempotencyKey);

    sealed interface Result {}

    record Approved(String transactionId) implements Result {}

    /** The provider said no (expired card, insufficient funds): trying again will not help. */
    record Declined(String reason) implements Result {}

    /** The provider did not answer or failed: try again later. */
    record Unavailable(String reason) implements Result {}
}

package dk.flyt.billing.provider;

import dk.flyt.platform.partner.PartnerClient;
import java.io.IOException;
import java.util.Map;

/**
 * The payment provider over HTTP ({@code docs/adapters.md}): {@code POST /charges {paymentRef, amountOre,
 * idempotencyKey}}; 201 approved, 402 declined, anything else or no answer in time is unavailable and tried again
 * with the same idempotency key, which the provider answers with its first answer, never taking twice.
 */
public class HttpPaymentProvider implements PaymentProvider {
    private final PartnerClient client;

    public HttpPaymentProvider(PartnerClient client) {
        this.client = client;
    }

    @Override
    public Result charge(String paymentRef, long amountOre, String idempotencyKey) {
        PartnerClient.Answer a;
        try {
            a = client.post(
                    "charges",
                    Map.of("paymentRef", paymentRef, "amountOre", amountOre, "idempotencyKey", idempotencyKey));
        } catch (IOException e) {
            return new Unavailable("the payment provider did not answer in time");
        }
        return switch (a.status()) {
            case 200, 201 -> {
                String id = a.body().path("transactionId").asText("");
                yield id.isBlank() ? new Unavailable("the provider's answer had no transaction") : new Approved(id);
            }
            case 402 -> new Declined(reason(a.body().path("reason").asText("declined")));
            default -> new Unavailable("the payment provider answered " + a.status());
        };
    }

    /** The provider's reason as we keep it: short and plain. */
    private static String reason(String reason) {
        String plain = reason.replaceAll("[^A-Za-z0-9 _.-]", "");
        return plain.isBlank() ? "declined" : plain.substring(0, Math.min(80, plain.length()));
    }
}

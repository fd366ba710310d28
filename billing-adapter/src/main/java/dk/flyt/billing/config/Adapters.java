package dk.flyt.billing.config;

import dk.flyt.billing.provider.HttpPaymentProvider;
import dk.flyt.billing.provider.PaymentProvider;
import dk.flyt.billing.provider.SimulatedPaymentProvider;
import dk.flyt.platform.partner.PartnerClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which adapter serves the payment port ({@code flyt.adapters.payments}, docs/adapters.md): the provider's HTTP API
 * by default, the simulator only where the dev or test profile asks for it (any other profile refuses to start with
 * it). Created at startup, so a missing address fails the start.
 */
@ApplicationScoped
public class Adapters {
    @Produces
    @Singleton
    PaymentProvider payments(
            @ConfigProperty(name = "flyt.adapters.payments") String adapter,
            Instance<SimulatedPaymentProvider> simulated,
            @ConfigProperty(name = "flyt.payments.url") Optional<String> url,
            @ConfigProperty(name = "flyt.payments.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "flyt.payments.timeout", defaultValue = "PT5S") Duration timeout) {
        return switch (adapter) {
            case "simulated" -> simulated.get();
            case "http" ->
                new HttpPaymentProvider(new PartnerClient(
                        url.filter(v -> !v.isBlank()).orElseThrow(() -> missing("flyt.payments.url")),
                        apiKey.filter(v -> !v.isBlank()).orElseThrow(() -> missing("flyt.payments.api-key")),
                        timeout));
            default -> throw new IllegalStateException("flyt.adapters.payments is http or simulated, not " + adapter);
        };
    }

    void eager(@Observes StartupEvent start, PaymentProvider payments) {
        // injecting it creates it: a misconfigured adapter fails the start
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException(name + " is required for the real adapter (docs/adapters.md)");
    }
}

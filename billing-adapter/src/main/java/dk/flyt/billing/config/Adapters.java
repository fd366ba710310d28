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
            Instance<SimulatedPaymentProvider> simulated) {
        return switch (adapter) {
            case "simulated" -> simulated.get();
            case "http" -> new HttpPaymentProvider(PartnerClient.configured("payments", Duration.ofSeconds(5)));
            default -> throw new IllegalStateException("flyt.adapters.payments is http or simulated, not " + adapter);
        };
    }

    void eager(@Observes StartupEvent start, PaymentProvider payments) {
        // injecting it creates it: a misconfigured adapter fails the start
    }
}

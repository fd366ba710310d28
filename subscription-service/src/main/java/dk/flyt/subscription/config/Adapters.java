package dk.flyt.subscription.config;

import dk.flyt.platform.partner.PartnerClient;
import dk.flyt.subscription.application.CreditBureau;
import dk.flyt.subscription.application.Notifications;
import dk.flyt.subscription.credit.HttpCreditBureau;
import dk.flyt.subscription.credit.SimulatedCreditBureau;
import dk.flyt.subscription.notification.NotificationRelay;
import dk.flyt.subscription.notification.OutboxNotifications;
import dk.flyt.subscription.notification.SimulatedNotifications;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which adapter serves each outside port ({@code flyt.adapters.*}, docs/adapters.md): the real ones by default, the
 * simulators only where the dev or test profile asks for them (any other profile refuses to start with one, see
 * {@code SimulatorGuard}). Both are created at startup, so a missing address fails the start, not the first order.
 */
@ApplicationScoped
public class Adapters {
    @Produces
    @Singleton
    CreditBureau creditBureau(
            @ConfigProperty(name = "flyt.adapters.credit-bureau") String adapter,
            Instance<SimulatedCreditBureau> simulated) {
        return switch (adapter) {
            case "simulated" -> simulated.get();
            case "http" -> new HttpCreditBureau(PartnerClient.configured("credit-bureau", Duration.ofSeconds(3)));
            default ->
                throw new IllegalStateException("flyt.adapters.credit-bureau is http or simulated, not " + adapter);
        };
    }

    @Produces
    @Singleton
    Notifications notifications(
            @ConfigProperty(name = "flyt.adapters.notifications") String adapter,
            Instance<SimulatedNotifications> simulated,
            EntityManager em,
            TransactionSynchronizationRegistry transactions,
            NotificationRelay relay) {
        return switch (adapter) {
            case "simulated" -> simulated.get();
            case "smtp" -> new OutboxNotifications(em, transactions, relay);
            default ->
                throw new IllegalStateException("flyt.adapters.notifications is smtp or simulated, not " + adapter);
        };
    }

    void eager(@Observes StartupEvent start, CreditBureau bureau, Notifications notifications) {
        // injecting them creates them: a misconfigured adapter fails the start
    }
}

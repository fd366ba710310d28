package dk.flyt.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dk.flyt.hubsim.PartnerSimulator;
import dk.flyt.subscription.application.Notifications;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.testing.FlytTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The real notifications adapter (the security issue, production profile): a link is written to the outbox in the
 * deciding transaction and sent after it commits, by e-mail over SMTP to a real SMTP server (GreenMail) and by SMS
 * to the gateway's HTTP API (its simulator on a port); a rolled-back decision sends nothing.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
@TestProfile(SmtpNotificationsTest.Smtp.class)
class SmtpNotificationsTest {
    /** The smtp adapter, against GreenMail and the SMS simulator. */
    public static class Smtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flyt.adapters.notifications", "smtp", "flyt.notifications.relay-every", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Parties.class));
        }
    }

    /** GreenMail and the SMS gateway simulator, for the test's lifetime. */
    public static class Parties implements QuarkusTestResourceLifecycleManager {
        private GreenMail smtp;
        private PartnerSimulator gateway;

        @Override
        public Map<String, String> start() {
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                gateway = new PartnerSimulator("sms-key").start(0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Map.of(
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "flyt.sms.url", gateway.url(),
                    "flyt.sms.api-key", "sms-key");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(smtp, new TestInjector.MatchesType(GreenMail.class));
            injector.injectIntoFields(gateway, new TestInjector.MatchesType(PartnerSimulator.class));
        }

        @Override
        public void stop() {
            smtp.stop();
            gateway.close();
        }
    }

    GreenMail smtp;
    PartnerSimulator gateway;

    @Inject
    Notifications notifications;

    @Inject
    CustomerRepository customers;

    private record Customer(String id, String email, String number) {}

    private Customer customer() {
        String id = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("BASIC", 0))))
                .get("customerId")
                .asText();
        return QuarkusTransaction.requiringNew().call(() -> {
            var c = customers.findById(id);
            return new Customer(id, c.email, c.contactNumber);
        });
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getAddressList(unchecked(m)).contains(address))
                .toList();
    }

    private static jakarta.mail.Address[] unchecked(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void R_ORD_08_theAcceptanceLinkGoesOutByEmailAndSmsAfterTheDecisionCommits() throws Exception {
        Customer c = customer();
        String token = "tok-" + UUID.randomUUID();
        String orderId = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> notifications.sendAcceptanceLink(c.id(), orderId, token));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !mailTo(c.email()).isEmpty() && !smsWith(c, token).isEmpty());
        MimeMessage mail = mailTo(c.email()).getFirst();
        assertThat(mail.getContent().toString()).contains(orderId).contains(token);
        assertThat(smsWith(c, token).getFirst().text()).contains(orderId);
        // sent once: the relay's later passes find nothing due
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(mailTo(c.email())).hasSize(1);
        assertThat(smsWith(c, token)).hasSize(1);
    }

    /** The test customers share a contact number: their messages are told apart by the token. */
    private List<PartnerSimulator.Sms> smsWith(Customer c, String token) {
        return gateway.smsTo(c.number()).stream()
                .filter(m -> m.text().contains(token))
                .toList();
    }

    @Test
    void aDecisionThatRollsBackSendsNothing() {
        Customer c = customer();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                notifications.sendAcceptanceLink(c.id(), UUID.randomUUID().toString(), "tok-rolled-back");
                throw new IllegalStateException("the decision fails after the link was written");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        Awaitility.await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(mailTo(c.email())).isEmpty();
        assertThat(smsWith(c, "tok-rolled-back")).isEmpty();
    }

    @Test
    void whileTheSmsGatewayIsDownTheMessageWaitsAndGoesOutOnceItIsBack() {
        Customer c = customer();
        gateway.unavailable(true);
        String token = "tok-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> notifications.sendOwnershipTransferLink(
                            c.id(), UUID.randomUUID().toString(), token));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !mailTo(c.email())
                    .isEmpty());
            assertThat(smsWith(c, token)).isEmpty();
        } finally {
            gateway.unavailable(false);
        }
        Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> gateway.smsTo(c.number()).stream()
                .anyMatch(m -> m.text().contains(token)));
        assertThat(mailTo(c.email())).as("the e-mail is not sent again").hasSize(1);
    }
}

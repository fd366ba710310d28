package dk.flyt.subscription.notification;

import dk.flyt.platform.partner.PartnerClient;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends what {@link OutboxNotifications} wrote, after its transaction committed: the e-mail through SMTP
 * (quarkus-mailer) and the SMS through the gateway's HTTP API, each once; a failed one is tried again with a growing
 * pause, rows locked with {@code SKIP LOCKED} so that replicas never send one twice at once. The token is cleared
 * once both are out. Logs ids only: never an address, a number or a token. Delivery runs on the wall clock (a retry
 * is a technical matter), not on the business clock.
 */
@ApplicationScoped
public class NotificationRelay {
    /** What a message is about. */
    public enum Kind {
        ORDER_ACCEPTANCE,
        OWNERSHIP_TRANSFER
    }

    private static final Logger LOG = Logger.getLogger(NotificationRelay.class);
    private static final int BATCH = 20;

    private final EntityManager em;
    private final CustomerRepository customers;
    private final Instance<Mailer> mailer;
    private final Clock clock;
    private final boolean active;
    private final String linkBase;
    private final PartnerClient sms;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-relay");
        t.setDaemon(true);
        return t;
    });

    public NotificationRelay(
            EntityManager em,
            CustomerRepository customers,
            Instance<Mailer> mailer,
            @ConfigProperty(name = "flyt.adapters.notifications") String adapter,
            @ConfigProperty(name = "flyt.notifications.link-base-url", defaultValue = "https://flyt.dk")
                    String linkBase) {
        this.em = em;
        this.customers = customers;
        this.mailer = mailer;
        this.clock = Clock.systemUTC();
        this.active = "smtp".equals(adapter);
        this.linkBase = linkBase;
        // the SMS gateway (flyt.sms.url, .api-key, .timeout): required wherever the smtp adapter is selected
        this.sms = active ? PartnerClient.configured("sms", Duration.ofSeconds(5)) : null;
    }

    /** Sends soon, on the relay's own thread (after a commit). */
    public void wake() {
        if (active && pending.compareAndSet(false, true)) {
            worker.submit(() -> {
                pending.set(false);
                pass();
            });
        }
    }

    @Scheduled(
            every = "${flyt.notifications.relay-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "notification-relay")
    void scheduled() {
        pass();
    }

    /** Sends every due message; returns how many are now fully out. */
    public synchronized int pass() {
        if (!active) {
            return 0;
        }
        int done = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
            done += batch[1];
            if (batch[0] < BATCH) {
                return done;
            }
        }
    }

    private record Due(
            long id,
            Kind kind,
            String customerId,
            String subjectId,
            String token,
            boolean emailSent,
            boolean smsSent,
            int attempts) {}

    @SuppressWarnings("unchecked")
    private int[] sendBatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> rows =
                em.createNativeQuery("""
                        SELECT id, kind, customer_id, subject_id, token, email_sent_at IS NOT NULL,
                               sms_sent_at IS NOT NULL, attempts
                        FROM notification_outbox
                        WHERE token IS NOT NULL AND next_attempt_at <= ?1
                        ORDER BY id LIMIT %d FOR UPDATE SKIP LOCKED
                        """.formatted(BATCH)).setParameter(1, now).getResultList();
        int out = 0;
        for (Object[] r : rows) {
            Due d = new Due(
                    ((Number) r[0]).longValue(),
                    Kind.valueOf((String) r[1]),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (Boolean) r[5],
                    (Boolean) r[6],
                    ((Number) r[7]).intValue());
            out += send(d, now) ? 1 : 0;
        }
        return new int[] {rows.size(), out};
    }

    private boolean send(Due d, OffsetDateTime now) {
        CustomerEntity c = customers.findById(d.customerId());
        String link = link(d);
        boolean emailSent = d.emailSent() || c == null || c.email == null;
        boolean smsSent = d.smsSent() || c == null || c.contactNumber == null;
        String error = null;
        if (!emailSent) {
            try {
                mailer.get().send(Mail.withText(c.email, subject(d.kind()), text(d.kind(), c.name, link)));
                emailSent = true;
            } catch (RuntimeException e) {
                error = "e-mail: " + e.getClass().getSimpleName();
            }
        }
        if (!smsSent) {
            try {
                PartnerClient.Answer a = sms.post("sms", Map.of("to", c.contactNumber, "text", sms(d.kind(), link)));
                smsSent = a.status() == 202 || a.status() == 200;
                if (!smsSent) {
                    error = (error == null ? "" : error + "; ") + "sms: " + a.status();
                }
            } catch (IOException e) {
                error = (error == null ? "" : error + "; ") + "sms: "
                        + e.getClass().getSimpleName();
            }
        }
        boolean done = emailSent && smsSent;
        int attempts = d.attempts() + 1;
        em.createNativeQuery("""
                        UPDATE notification_outbox SET
                            email_sent_at = CASE WHEN ?2 AND email_sent_at IS NULL THEN ?5 ELSE email_sent_at END,
                            sms_sent_at = CASE WHEN ?3 AND sms_sent_at IS NULL THEN ?5 ELSE sms_sent_at END,
                            token = CASE WHEN ?2 AND ?3 THEN NULL ELSE token END,
                            attempts = ?4, last_error = ?6, next_attempt_at = ?7
                        WHERE id = ?1
                        """)
                .setParameter(1, d.id())
                .setParameter(2, emailSent)
                .setParameter(3, smsSent)
                .setParameter(4, attempts)
                .setParameter(5, now)
                .setParameter(6, error)
                .setParameter(7, now.plus(backoff(attempts)))
                .executeUpdate();
        if (done) {
            LOG.infof("Notification %d (%s for %s) sent", d.id(), d.kind(), d.subjectId());
        } else {
            LOG.warnf("Notification %d not sent yet (%s); trying again", d.id(), error);
        }
        return done;
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 2L << Math.min(attempts, 11)));
    }

    private String link(Due d) {
        return switch (d.kind()) {
            case ORDER_ACCEPTANCE -> linkBase + "/ordrer/" + d.subjectId() + "/accept?token=" + d.token();
            case OWNERSHIP_TRANSFER -> linkBase + "/overdragelser/" + d.subjectId() + "/accept?token=" + d.token();
        };
    }

    private static String subject(Kind kind) {
        return switch (kind) {
            case ORDER_ACCEPTANCE -> "Bekræft din bestilling hos Flyt";
            case OWNERSHIP_TRANSFER -> "Et abonnement hos Flyt venter på dig";
        };
    }

    private static String text(Kind kind, String name, String link) {
        String hello = "Kære " + (name == null ? "kunde" : name) + "\n\n";
        return switch (kind) {
            case ORDER_ACCEPTANCE ->
                hello + "Tak for din bestilling hos Flyt. Bekræft den skriftligt her:\n" + link
                        + "\n\nUden din bekræftelse sender vi intet, og bestillingen bortfalder.\n\nVenlig hilsen\nFlyt";
            case OWNERSHIP_TRANSFER ->
                hello + "Et mobilabonnement er tilbudt dig. Du kan overtage det inden 48 timer her:\n" + link
                        + "\n\nVenlig hilsen\nFlyt";
        };
    }

    private static String sms(Kind kind, String link) {
        return switch (kind) {
            case ORDER_ACCEPTANCE -> "Flyt: bekraeft din bestilling her: " + link;
            case OWNERSHIP_TRANSFER -> "Flyt: et abonnement venter paa dig (48 timer): " + link;
        };
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}

package dk.flyt.messaging.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.messaging.inbox.IncomingEvent;
import dk.flyt.platform.logging.PersonalDataMask;
import dk.flyt.platform.sql.SqlTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The {@code dead_letter} table: the messages this service's consumers gave up on, as the agents' queue lists them.
 * Written beside the record on the dead-letter topic, in a transaction of its own; when the database itself is what
 * failed, the topic still has the record and the log says so.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 500;

    /** One message given up on; {@code customerId} when its payload names one. */
    public record DeadLetter(
            long id,
            String consumer,
            String topic,
            String eventId,
            String type,
            String key,
            String customerId,
            String error,
            Instant deadAt) {}

    private final EntityManager em;
    private final Clock clock;

    public DeadLetters(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records the message; a second record of the same one (a redelivery given up on again) changes nothing. */
    public void record(String consumer, IncomingEvent event, String error) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("INSERT INTO dead_letter (consumer, topic, event_id, event_type,"
                                    + " event_key, customer_id, error, dead_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                    + " ON CONFLICT (consumer, event_id) DO NOTHING")
                            .setParameter(1, consumer)
                            .setParameter(2, event.topic())
                            .setParameter(3, event.id())
                            .setParameter(4, event.type())
                            .setParameter(5, event.key())
                            .setParameter(6, customerOf(event.payload()))
                            .setParameter(7, shortened(error))
                            .setParameter(8, SqlTime.utc(clock.instant()))
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.errorf(
                    "%s: %s %s could not be recorded as a dead letter (%s); it is on %s.dlq",
                    consumer, event.type(), event.id(), e.getClass().getSimpleName(), event.topic());
        }
    }

    /** The newest first, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<DeadLetter> newest(int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, consumer, topic, event_id, event_type, event_key,"
                        + " customer_id, error, dead_at FROM dead_letter ORDER BY id DESC LIMIT ?1")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new DeadLetter(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        SqlTime.instant(r[8])))
                .toList();
    }

    /** The customer a payload names, so the queue can link to them; null when it names none or is not JSON. */
    static String customerOf(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode customer = JSON.readTree(payload).path("customerId");
            return customer.isTextual() && customer.asText().length() <= 100 ? customer.asText() : null;
        } catch (java.io.IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** The error as agents may read it: short, and without anything shaped like a CPR number. */
    static String shortened(String error) {
        String text = PersonalDataMask.mask(error == null ? "unknown" : error);
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}

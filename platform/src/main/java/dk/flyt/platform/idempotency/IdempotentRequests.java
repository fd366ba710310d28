package dk.flyt.platform.idempotency;

import dk.flyt.platform.sql.SqlTime;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code idempotent_request} table, the same in every service: one row per caller and key, claimed before the
 * action runs (in its own transaction, so a second request with the key sees it at once) and given the answer after.
 * Rows are kept for {@link #RETENTION}; a claim without an answer after {@link #ABANDONED} belonged to a request that
 * never finished (the process stopped) and may be taken over.
 */
@ApplicationScoped
public class IdempotentRequests {
    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration ABANDONED = Duration.ofMinutes(2);

    /** A row: the request it was claimed for and, once answered, the answer. */
    public record Row(String fingerprint, Instant claimedAt, Integer status, String contentType, String body) {
        boolean answered() {
            return status != null;
        }
    }

    /** What a claim found. */
    public sealed interface Claim {
        /** The key is new (or its claim was abandoned): the action runs, and its answer is recorded. */
        record Claimed() implements Claim {}

        /** The key was used before for this same request: its answer. */
        record Answered(int status, String contentType, String body) implements Claim {}

        /** The key was used for another request (another action, or another body). */
        record OtherRequest() implements Claim {}

        /** The same request is being handled right now. */
        record InProgress() implements Claim {}
    }

    private final EntityManager em;
    private final Clock clock;

    public IdempotentRequests(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public Claim claim(String caller, String key, String fingerprint) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("DELETE FROM idempotent_request WHERE claimed_at < ?1")
                    .setParameter(1, SqlTime.utc(now.minus(RETENTION)))
                    .executeUpdate();
            int inserted = em.createNativeQuery("INSERT INTO idempotent_request (caller, key, fingerprint, claimed_at)"
                            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (caller, key) DO NOTHING")
                    .setParameter(1, caller)
                    .setParameter(2, key)
                    .setParameter(3, fingerprint)
                    .setParameter(4, SqlTime.utc(now))
                    .executeUpdate();
            if (inserted == 1) {
                return new Claim.Claimed();
            }
            Row row = find(caller, key).orElseThrow();
            if (!row.fingerprint().equals(fingerprint)) {
                return new Claim.OtherRequest();
            }
            if (row.answered()) {
                return new Claim.Answered(row.status(), row.contentType(), row.body());
            }
            if (row.claimedAt().plus(ABANDONED).isBefore(now)) {
                int taken = em.createNativeQuery("UPDATE idempotent_request SET claimed_at = ?3"
                                + " WHERE caller = ?1 AND key = ?2 AND status IS NULL AND claimed_at = ?4")
                        .setParameter(1, caller)
                        .setParameter(2, key)
                        .setParameter(3, SqlTime.utc(now))
                        .setParameter(4, SqlTime.utc(row.claimedAt()))
                        .executeUpdate();
                if (taken == 1) {
                    return new Claim.Claimed();
                }
            }
            return new Claim.InProgress();
        });
    }

    /** The action answered: the answer is kept for the key. */
    public void answered(String caller, String key, int status, String contentType, String body) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE idempotent_request SET status = ?3, content_type = ?4,"
                                + " body = ?5 WHERE caller = ?1 AND key = ?2")
                        .setParameter(1, caller)
                        .setParameter(2, key)
                        .setParameter(3, status)
                        .setParameter(4, contentType)
                        .setParameter(5, body)
                        .executeUpdate());
    }

    /** The action failed on our side: the key is free again, so a retry runs it. */
    public void released(String caller, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM idempotent_request WHERE caller = ?1 AND key = ?2 AND status IS NULL")
                .setParameter(1, caller)
                .setParameter(2, key)
                .executeUpdate());
    }

    private Optional<Row> find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT fingerprint, claimed_at, status, content_type, body"
                        + " FROM idempotent_request WHERE caller = ?1 AND key = ?2")
                .setParameter(1, caller)
                .setParameter(2, key)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Row(
                        (String) r[0],
                        SqlTime.instant(r[1]),
                        r[2] == null ? null : ((Number) r[2]).intValue(),
                        (String) r[3],
                        (String) r[4]));
    }
}

package dk.flyt.porting.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.porting.domain.CompensationKind;
import dk.flyt.porting.domain.CompensationRules;
import dk.flyt.porting.persistence.CompensationEntity;
import dk.flyt.porting.persistence.CompensationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Compensation for porting faults (R-COMP-01..05): computed from the rules, granted once per case and kind, and
 * announced with {@code CompensationGranted} so billing credits the customer's account.
 */
@ApplicationScoped
public class CompensationService {
    public static final String AUTOMATIC = "AUTOMATIC";

    private final CompensationRepository compensations;
    private final PortingEventPublisher events;
    private final Clock clock;

    public CompensationService(CompensationRepository compensations, PortingEventPublisher events, Clock clock) {
        this.compensations = compensations;
        this.events = events;
        this.clock = clock;
    }

    /** A claim filed by an agent. Refused after the 30-day limit (R-COMP-04) or when the case was compensated. */
    @Transactional
    public CompensationEntity claim(
            CompensationKind kind,
            String customerId,
            String caseId,
            String number,
            Instant faultStartedAt,
            Instant faultFixedAt,
            String agent) {
        Instant now = clock.instant();
        if (faultFixedAt.isBefore(faultStartedAt)) {
            throw ProblemException.badRequest("faultFixedAt", "must not be before faultStartedAt");
        }
        if (faultFixedAt.isAfter(now)) {
            throw ProblemException.badRequest("faultFixedAt", "must not be in the future");
        }
        if (!CompensationRules.isClaimInTime(faultFixedAt, now)) {
            throw ProblemException.unprocessable(
                    "claim-too-late",
                    "A claim must arrive within " + CompensationRules.CLAIM_DAYS
                            + " days after the fault was fixed; the limit was "
                            + CompensationRules.claimDeadline(faultFixedAt));
        }
        long amount =
                switch (kind) {
                    case WRONGFUL_PORT -> CompensationRules.wrongfulPort();
                    case DELAYED_PORT ->
                        CompensationRules.delayedPort(Math.max(
                                0,
                                java.time.temporal.ChronoUnit.DAYS.between(
                                        LocalDate.ofInstant(faultStartedAt, BusinessTime.ZONE),
                                        LocalDate.ofInstant(faultFixedAt, BusinessTime.ZONE))));
                    case INTERRUPTION -> CompensationRules.interruption(Duration.between(faultStartedAt, faultFixedAt));
                };
        if (amount == 0) {
            throw ProblemException.unprocessable(
                    "no-compensation-due", "The fault as described does not qualify for compensation under the rules");
        }
        return grant(kind, customerId, caseId, number, faultStartedAt, faultFixedAt, amount, agent);
    }

    /** Grants and announces; a second grant for the same case and kind is refused. */
    @Transactional
    public CompensationEntity grant(
            CompensationKind kind,
            String customerId,
            String caseId,
            String number,
            Instant faultStartedAt,
            Instant faultFixedAt,
            long amountOre,
            String origin) {
        if (compensations.forCase(caseId, kind).isPresent()) {
            throw ProblemException.conflict(
                    "already-compensated", "Case " + caseId + " was already compensated for " + kind);
        }
        CompensationEntity c = new CompensationEntity();
        c.id = UUID.randomUUID();
        c.customerId = customerId;
        c.kind = kind;
        c.caseId = caseId;
        c.number = number;
        c.faultStartedAt = faultStartedAt;
        c.faultFixedAt = faultFixedAt;
        c.amountOre = amountOre;
        c.origin = origin;
        c.grantedAt = clock.instant();
        compensations.persist(c);
        events.publish(
                "Compensation",
                c.id.toString(),
                new PortingEvents.CompensationGranted(
                        c.id.toString(), customerId, kind.name(), amountOre, caseId, number));
        return c;
    }
}

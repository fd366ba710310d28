package dk.flyt.porting.application;

import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.porting.PortingEvents;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.porting.domain.CompensationKind;
import dk.flyt.porting.domain.CompensationRules;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.domain.PortOutState;
import dk.flyt.porting.persistence.CompensationEntity;
import dk.flyt.porting.persistence.CompensationRepository;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import dk.flyt.porting.persistence.PortOutEntity;
import dk.flyt.porting.persistence.PortOutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Compensation for porting faults (R-COMP-01..05): computed from the rules, granted once per case and kind whoever
 * comes first (the automatic path or an agent's claim), and announced with {@code CompensationGranted} so billing
 * credits the customer's account.
 *
 * <p>A claim names a port case of the customer and the fault's start and fix; both must lie within the case's own
 * dates (from the start of its port date to its completion, or to now for a port-out that moved the number
 * wrongly), and the amount is always the rules', never the agent's.
 */
@ApplicationScoped
public class CompensationService {
    public static final String AUTOMATIC = "AUTOMATIC";
    private static final ZoneId ZONE = BusinessTime.ZONE;

    private final CompensationRepository compensations;
    private final PortInRepository portIns;
    private final PortOutRepository portOuts;
    private final PortingEventPublisher events;
    private final Clock clock;

    public CompensationService(
            CompensationRepository compensations,
            PortInRepository portIns,
            PortOutRepository portOuts,
            PortingEventPublisher events,
            Clock clock) {
        this.compensations = compensations;
        this.portIns = portIns;
        this.portOuts = portOuts;
        this.events = events;
        this.clock = clock;
    }

    /** The grant and whether this call made it (false: the case and kind were compensated before). */
    public record Granted(CompensationEntity compensation, boolean isNew) {}

    /** The port case a claim names, as far as compensation needs it. */
    private record PortCase(String number, Instant windowStart, Instant windowEnd, java.time.LocalDate agreedDate) {}

    /**
     * What a claim would grant, worked out as {@link #claim} does and changing nothing: the dates (defaulted to the
     * case's own), the amount, and the earlier grant when the case was compensated for the kind already.
     */
    public record Quote(
            CompensationKind kind,
            String caseId,
            String number,
            Instant faultStartedAt,
            Instant faultFixedAt,
            long amountOre,
            Optional<CompensationEntity> grantedBefore) {}

    /**
     * An agent's claim. Refused (422, naming the field) when the case is not one of the customer's, the kind does not
     * fit the case, the dates lie outside the case's, the fault is not fixed, the 30-day limit passed (R-COMP-04), or
     * the rules give nothing. A claim for a case and kind already compensated returns that grant.
     */
    @Transactional
    public Granted claim(
            CompensationKind kind,
            String customerId,
            String caseId,
            Instant faultStartedAt,
            Instant faultFixedAt,
            String agent) {
        Quote q = quote(kind, customerId, caseId, faultStartedAt, faultFixedAt);
        if (q.grantedBefore().isPresent()) {
            return new Granted(q.grantedBefore().get(), false);
        }
        return grant(kind, customerId, caseId, q.number(), q.faultStartedAt(), q.faultFixedAt(), q.amountOre(), agent);
    }

    /** What {@link #claim} would grant, refused for the same reasons; nothing is changed. */
    @Transactional
    public Quote quote(
            CompensationKind kind, String customerId, String caseId, Instant faultStartedAt, Instant faultFixedAt) {
        Instant now = clock.instant();
        PortCase c = portCase(kind, customerId, caseId, now);
        Instant started = faultStartedAt != null ? faultStartedAt : c.windowStart();
        Instant fixed = faultFixedAt != null ? faultFixedAt : c.windowEnd();
        if (started.isBefore(c.windowStart()) || started.isAfter(c.windowEnd())) {
            throw ProblemException.unprocessable(
                    "outside-the-case",
                    "faultStartedAt",
                    "must lie within the case, from " + c.windowStart() + " to " + c.windowEnd());
        }
        if (fixed.isBefore(started) || fixed.isAfter(c.windowEnd())) {
            throw ProblemException.unprocessable(
                    "outside-the-case",
                    "faultFixedAt",
                    "must lie from faultStartedAt to the end of the case, " + c.windowEnd());
        }
        if (!CompensationRules.isClaimInTime(fixed, now, ZONE)) {
            throw ProblemException.unprocessable(
                    "claim-too-late",
                    "faultFixedAt",
                    "a claim must arrive by the end of the " + CompensationRules.CLAIM_DAYS
                            + "th day after the fault was fixed; that was before "
                            + CompensationRules.claimDeadline(fixed, ZONE));
        }
        long amount =
                switch (kind) {
                    case WRONGFUL_PORT -> CompensationRules.wrongfulPort();
                    case DELAYED_PORT -> CompensationRules.delayedPort(c.agreedDate(), fixed, ZONE);
                    case INTERRUPTION -> CompensationRules.interruption(started, fixed, ZONE);
                };
        Optional<CompensationEntity> before = compensations.forCase(caseId, kind);
        if (before.isEmpty() && amount == 0) {
            throw ProblemException.unprocessable(
                    "no-compensation-due", "The fault as described does not qualify for compensation under the rules");
        }
        return new Quote(kind, caseId, c.number(), started, fixed, amount, before);
    }

    private PortCase portCase(CompensationKind kind, String customerId, String caseId, Instant now) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw unknownCase();
        }
        Optional<PortInEntity> in = portIns.findByIdOptional(id).filter(p -> customerId.equals(p.customerId));
        Optional<PortOutEntity> out = portOuts.findByIdOptional(id).filter(p -> customerId.equals(p.customerId));
        if (in.isEmpty() && out.isEmpty()) {
            throw unknownCase();
        }
        if (kind == CompensationKind.WRONGFUL_PORT) {
            PortOutEntity p = out.filter(o -> EnumSet.of(PortOutState.COMPLETED, PortOutState.REVERTED)
                            .contains(o.state))
                    .orElseThrow(() -> ProblemException.unprocessable(
                            "kind-does-not-fit",
                            "kind",
                            "a wrongful port is claimed on a port-out of the customer's number that was executed"));
            return new PortCase(p.number, p.portDate.atStartOfDay(ZONE).toInstant(), now, p.portDate);
        }
        PortInEntity p = in.orElseThrow(() -> ProblemException.unprocessable(
                "kind-does-not-fit", "kind", "a delay or an interruption is claimed on a port-in case"));
        if (p.state != PortInState.COMPLETED || p.completedAt == null) {
            throw ProblemException.unprocessable(
                    "fault-not-fixed",
                    "caseId",
                    "the port is " + p.state + "; a claim is made once it works (the automatic grant comes then)");
        }
        return new PortCase(p.number, p.portDate.atStartOfDay(ZONE).toInstant(), p.completedAt, p.portDate);
    }

    private static ProblemException unknownCase() {
        return ProblemException.unprocessable("unknown-case", "caseId", "is not a port case of this customer");
    }

    /** Grants and announces, once per case and kind: a second grant, by either path, returns the first. */
    @Transactional
    public Granted grant(
            CompensationKind kind,
            String customerId,
            String caseId,
            String number,
            Instant faultStartedAt,
            Instant faultFixedAt,
            long amountOre,
            String origin) {
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
        if (!compensations.insertOnce(c)) {
            return new Granted(compensations.forCase(caseId, kind).orElseThrow(), false);
        }
        events.publish(
                "Compensation",
                c.id.toString(),
                new PortingEvents.CompensationGranted(
                        c.id.toString(), customerId, kind.name(), amountOre, caseId, number));
        return new Granted(c, true);
    }
}

package dk.flyt.porting.hub;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.platform.problem.Problem;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.domain.HubPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The hub's way in, before anything is stored: the token's operator must be the sender, the message must be
 * whole and fresh, and the sender must have the role its kind requires in the dossier it names
 * ({@link HubPolicy}). A refused message is answered with a problem at once and changes nothing; an accepted one
 * is stored once per (sender, message id) and processed by the {@link HubInbox}.
 */
@ApplicationScoped
public class HubIngress {
    private static final Logger LOG = Logger.getLogger(HubIngress.class);

    private final HubInbox inbox;
    private final HubDossiers dossiers;
    private final HubPolicy policy;
    private final PortingConfig config;
    private final Clock clock;
    /** Where a test or local run moved the business clock, a message stamped in real time is judged by this. */
    private final Clock wall = Clock.systemUTC();

    private final MeterRegistry registry;

    public HubIngress(HubInbox inbox, HubDossiers dossiers, PortingConfig config, Clock clock, MeterRegistry registry) {
        this.inbox = inbox;
        this.dossiers = dossiers;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.policy = new HubPolicy(config.operatorId(), config.hub().maxClockSkew());
    }

    /** Checks and stores {@code message} from the authenticated {@code operator}; false when it came before. */
    public boolean receive(HubMessage message, String operator) {
        if (!operator.equals(message.sender())) {
            throw refuse(new HubPolicy.Refused(
                    403, "sender-mismatch", "sender", "must be " + operator + ": an operator sends only as itself"));
        }
        if (message.version() != HubMessage.VERSION) {
            throw refuse(new HubPolicy.Refused(400, "invalid-request", "version", "must be " + HubMessage.VERSION));
        }
        if (message.recipient() != null && !message.recipient().equals(config.operatorId())) {
            throw refuse(new HubPolicy.Refused(
                    400, "invalid-request", "recipient", "must be " + config.operatorId() + " or absent"));
        }
        HubPolicy.Verdict verdict = QuarkusTransaction.requiringNew()
                .call(() -> policy.authorise(message, clock.instant(), wall.instant(), dossiers));
        if (verdict instanceof HubPolicy.Refused refused) {
            LOG.infof(
                    "Hub message %s %s from %s refused: %s",
                    message.kind(), message.messageId(), message.sender(), refused.type());
            throw refuse(refused);
        }
        return inbox.store(message);
    }

    private ProblemException refuse(HubPolicy.Refused r) {
        registry.counter("flyt.hub.inbox.refused", "type", r.type()).increment();
        String title = r.status() == 403 ? "Forbidden" : "The hub message is refused";
        return new ProblemException(
                r.status(), r.type(), title, r.detail(), List.of(new Problem.FieldError(r.field(), r.detail())));
    }
}

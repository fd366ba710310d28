package dk.flyt.porting.hub;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.porting.application.PortInService;
import dk.flyt.porting.application.PortOutService;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import dk.flyt.porting.persistence.PortOutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Routes a hub message to the case it concerns. Runs inside the transaction that records the outcome. */
@ApplicationScoped
public class HubMessageHandler {
    private final PortInService portIns;
    private final PortOutService portOuts;
    private final PortInRepository portInCases;
    private final PortOutRepository portOutCases;
    private final PortingConfig config;
    private final Clock clock;

    public HubMessageHandler(
            PortInService portIns,
            PortOutService portOuts,
            PortInRepository portInCases,
            PortOutRepository portOutCases,
            PortingConfig config,
            Clock clock) {
        this.portIns = portIns;
        this.portOuts = portOuts;
        this.portInCases = portInCases;
        this.portOutCases = portOutCases;
        this.config = config;
        this.clock = clock;
    }

    public Outcome handle(HubMessage m) {
        if (m.recipient() != null && !m.recipient().equals(config.operatorId())) {
            return Outcome.rejected(HubMessage.Codes.NOT_APPLICABLE, "addressed to " + m.recipient());
        }
        return switch (m.kind()) {
            case PORTING_ANSWER -> portIn(m).map(e -> portIns.onAnswer(m, e)).orElseGet(() -> unknownDossier(m));
            case PORTING_PERFORMED -> performed(m);
            case PORTING_REQUEST -> portOuts.onRequest(m);
            case CANCEL -> portOuts.onCancel(m);
            case ERROR -> error(m);
            case NUMBER_RETURNED -> Outcome.ignored("number returned: nothing for us to do");
        };
    }

    private Outcome performed(HubMessage m) {
        if (!HubMessage.HUB.equals(m.sender())) {
            return Outcome.rejected(HubMessage.Codes.NOT_APPLICABLE, "only the hub broadcasts PORTING_PERFORMED");
        }
        if (config.operatorId().equals(m.operator())) {
            return portIn(m).map(e -> portIns.onPerformed(m, e)).orElseGet(() -> unknownDossier(m));
        }
        return portOuts.onPerformed(m);
    }

    private Outcome error(HubMessage m) {
        if (!HubMessage.Codes.PORTING_FAILED.equals(m.code())) {
            return Outcome.ignored("error noted: " + m.code());
        }
        Optional<PortInEntity> in = portIn(m);
        if (in.isPresent()) {
            return portIns.onFailed(m, in.get());
        }
        return portOutCases
                .byDossier(m.dossierId())
                .map(e -> portOuts.onFailed(m, e))
                .orElseGet(() -> unknownDossier(m));
    }

    private Optional<PortInEntity> portIn(HubMessage m) {
        if (m.dossierId() == null) {
            return Optional.empty();
        }
        try {
            return portInCases.findByIdOptional(UUID.fromString(m.dossierId()));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static Outcome unknownDossier(HubMessage m) {
        return Outcome.rejected(HubMessage.Codes.UNKNOWN_DOSSIER, "no case for dossier " + m.dossierId());
    }

    /** The ERROR message that tells a sender its message could not be processed. */
    public HubMessage errorReply(HubMessage m, Outcome.Rejected rejected) {
        return new HubMessage(
                HubMessage.VERSION,
                HubOutbox.newMessageId(),
                HubMessageKind.ERROR,
                config.operatorId(),
                m.sender(),
                m.dossierId(),
                clock.instant(),
                m.number(),
                null,
                null,
                null,
                rejected.code(),
                null,
                m.messageId());
    }
}

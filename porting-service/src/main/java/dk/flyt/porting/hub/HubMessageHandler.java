package dk.flyt.porting.hub;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.porting.application.PortInAnswers;
import dk.flyt.porting.application.PortInExecution;
import dk.flyt.porting.application.PortOutService;
import dk.flyt.porting.config.PortingConfig;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import dk.flyt.porting.persistence.PortOutEntity;
import dk.flyt.porting.persistence.PortOutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Routes a stored hub message to the case it concerns. Runs inside the transaction that records the outcome. The
 * sender's role was checked when the message came in ({@code HubPolicy}); the case services check it again where a
 * wrong sender would do harm.
 */
@ApplicationScoped
public class HubMessageHandler {
    private final PortInAnswers answers;
    private final PortInExecution execution;
    private final PortOutService portOuts;
    private final PortInRepository portInCases;
    private final PortOutRepository portOutCases;
    private final PortingConfig config;

    public HubMessageHandler(
            PortInAnswers answers,
            PortInExecution execution,
            PortOutService portOuts,
            PortInRepository portInCases,
            PortOutRepository portOutCases,
            PortingConfig config) {
        this.answers = answers;
        this.execution = execution;
        this.portOuts = portOuts;
        this.portInCases = portInCases;
        this.portOutCases = portOutCases;
        this.config = config;
    }

    public Outcome handle(HubMessage m) {
        return switch (m.kind()) {
            case PORTING_ANSWER -> onPortIn(m, e -> answers.onAnswer(m, e));
            case ROUTING_CONFIRMED ->
                config.operatorId().equals(m.operator())
                        ? onPortIn(m, e -> execution.onRoutingConfirmed(m, e))
                        : Outcome.ignored("routing to " + m.operator());
            case PORTING_PERFORMED -> performed(m);
            case PORTING_REQUEST -> portOuts.onRequest(m);
            case CANCEL -> portOuts.onCancel(m);
            case ERROR -> error(m);
            case NUMBER_RETURNED -> Outcome.ignored("number returned: nothing for us to do");
        };
    }

    private Outcome performed(HubMessage m) {
        if (!HubMessage.HUB.equals(m.sender())) {
            return Outcome.rejected(HubMessage.Codes.NOT_AUTHORISED, "only the hub broadcasts PORTING_PERFORMED");
        }
        if (config.operatorId().equals(m.operator())) {
            return portIn(m)
                    .map(e -> execution.onPerformed(m, e))
                    .orElseGet(() -> Outcome.ignored("not a port-in of ours"));
        }
        return portOuts.onPerformed(m);
    }

    private Outcome error(HubMessage m) {
        if (!HubMessage.Codes.PORTING_FAILED.equals(m.code())) {
            return Outcome.ignored("error noted: " + m.code());
        }
        if (!HubMessage.HUB.equals(m.sender())) {
            return Outcome.rejected(HubMessage.Codes.NOT_AUTHORISED, "only the hub reports a failed port");
        }
        Optional<PortInEntity> in = portIn(m);
        if (in.isPresent()) {
            return execution.onFailed(m, in.get());
        }
        Optional<PortOutEntity> out = m.operator() != null
                ? portOutCases.byDossier(m.operator(), m.dossierId())
                : single(portOutCases.byDossierAndNumber(m.dossierId(), m.number()));
        return out.map(e -> portOuts.onFailed(m, e)).orElseGet(() -> unknownDossier(m));
    }

    private static Optional<PortOutEntity> single(List<PortOutEntity> cases) {
        return cases.size() == 1 ? Optional.of(cases.getFirst()) : Optional.empty();
    }

    private Outcome onPortIn(HubMessage m, Function<PortInEntity, Outcome> action) {
        return portIn(m).map(action).orElseGet(() -> unknownDossier(m));
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
}

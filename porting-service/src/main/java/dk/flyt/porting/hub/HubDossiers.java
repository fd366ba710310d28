package dk.flyt.porting.hub;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.porting.domain.HubPolicy;
import dk.flyt.porting.persistence.PortInRepository;
import dk.flyt.porting.persistence.PortOutRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What {@link HubPolicy} needs to know, read from our cases and our outbox. Call inside a transaction. */
@ApplicationScoped
public class HubDossiers implements HubPolicy.Dossiers {
    private final PortInRepository portIns;
    private final PortOutRepository portOuts;
    private final EntityManager em;

    public HubDossiers(PortInRepository portIns, PortOutRepository portOuts, EntityManager em) {
        this.portIns = portIns;
        this.portOuts = portOuts;
        this.em = em;
    }

    @Override
    public Optional<HubPolicy.PortIn> portIn(String dossierId) {
        UUID id;
        try {
            id = UUID.fromString(dossierId);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return portIns.findByIdOptional(id).map(e -> new HubPolicy.PortIn(e.donorOperator));
    }

    @Override
    public Set<String> portOutRecipients(String dossierId) {
        return portOuts.recipientsOf(dossierId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<String> recipientOfOurMessage(String messageId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT message_id, recipient FROM hub_outbox WHERE message_id = :id")
                .setParameter("id", messageId)
                .getResultList();
        return rows.stream().findFirst().map(r -> r[1] == null ? HubMessage.HUB : (String) r[1]);
    }
}

package dk.flyt.gateway.console;

import java.util.Arrays;
import java.util.Optional;

/**
 * The actions an agent takes from the customer page, each a form posted to {@code /console/customers/{id}/actions/
 * {slug}} and carried out by the service that owns it ({@link ConsoleActions}); {@code done}: what the page says
 * after it succeeded.
 */
public enum ConsoleAction {
    PORT_CORRECTION("ret-portering", "Porteringen er rettet og sendt til den afgivende operatør igen."),
    WITHDRAWAL("fortryd", "Ordren er fortrudt."),
    PLAN_CHANGE("skift-plan", "Planskiftet er bestilt."),
    PLAN_CHANGE_CANCEL("annuller-planskift", "Planskiftet er annulleret."),
    CANCELLATION("opsig", "Abonnementet er opsagt."),
    BLOCK("spaer-sim", "SIM-kortet er spærret. Kun 112 kan ringes op."),
    UNBLOCK("genaabn-sim", "Linjen er åbnet igen."),
    /** Works out the compensation and shows it; nothing is granted until {@link #COMPENSATION} confirms it. */
    COMPENSATION_QUOTE("beregn-godtgoerelse", "Godtgørelsen er beregnet. Bekræft den for at bevilge den."),
    COMPENSATION("godtgoerelse", "Godtgørelsen er bevilget."),
    COMPLAINT("klage", "Klagen er oprettet."),
    COMPLAINT_DECISION("afgoer-klage", "Klagen er afgjort."),
    OWNERSHIP_TRANSFER("overdrag", "Overdragelsen er sendt til den nye ejer, som har 48 timer til at acceptere.");

    private final String slug;
    private final String done;

    ConsoleAction(String slug, String done) {
        this.slug = slug;
        this.done = done;
    }

    public String slug() {
        return slug;
    }

    public String done() {
        return done;
    }

    public static Optional<ConsoleAction> bySlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.slug.equals(slug)).findFirst();
    }
}

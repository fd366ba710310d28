package dk.flyt.subscription.credit;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.platform.partner.PartnerClient;
import dk.flyt.subscription.application.CreditBureau;
import dk.flyt.subscription.domain.CreditDecision;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The credit bureau over HTTP ({@code docs/adapters.md}): {@code POST /credit-checks {subject, postalCode}}. The
 * subject goes in the body, never in a URL or a log line. No answer in time, a 5xx or an answer it cannot read is
 * {@link CreditDecision.Unavailable}, which the saga retries (R-ORD-05); a 4xx is a fault of ours, logged by status
 * only, and also retried.
 */
public class HttpCreditBureau implements CreditBureau {
    private static final Logger LOG = Logger.getLogger(HttpCreditBureau.class);

    private final PartnerClient client;

    public HttpCreditBureau(PartnerClient client) {
        this.client = client;
    }

    @Override
    public CreditDecision check(String cprOrCvr, String postalCode) {
        PartnerClient.Answer answer;
        try {
            answer = client.post(
                    "credit-checks", Map.of("subject", cprOrCvr.replaceAll("\\D", ""), "postalCode", postalCode));
        } catch (IOException e) {
            return new CreditDecision.Unavailable("the credit bureau did not answer in time");
        }
        if (answer.status() != 200) {
            if (answer.status() < 500) {
                LOG.warnf("The credit bureau refused our request with %d", answer.status());
            }
            return new CreditDecision.Unavailable("the credit bureau answered " + answer.status());
        }
        JsonNode body = answer.body();
        return switch (body.path("decision").asText()) {
            case "APPROVED" -> new CreditDecision.Approved();
            case "REFUSED" ->
                new CreditDecision.Refused(reasonCode(body.path("reason").asText("")));
            default -> new CreditDecision.Unavailable("the credit bureau's answer could not be read");
        };
    }

    /** The bureau's reason code as we keep it: a code, never free text (it is shown to agents). */
    static String reasonCode(String reason) {
        return reason.matches("[A-Z][A-Z0-9_]{0,39}") ? reason : "UNSPECIFIED";
    }
}

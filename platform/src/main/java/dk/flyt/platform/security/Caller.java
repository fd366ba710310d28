package dk.flyt.platform.security;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the validated bearer token says. */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's subject: for a customer, the customer id. */
    public String subject() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** True when the caller acts only as a customer (no staff or machine role besides). */
    public boolean isOnlyCustomer() {
        return identity.hasRole(Roles.CUSTOMER)
                && identity.getRoles().stream().noneMatch(r -> !r.equals(Roles.CUSTOMER) && Roles.ALL.contains(r));
    }

    /**
     * Who acted, as a customer may read it on a timeline: a role, never a staff or machine subject (customer views
     * name "customer service", not the agent). The subject itself goes to the audit trail, which only agents read.
     */
    public String actor() {
        if (isOnlyCustomer()) {
            return "the customer";
        }
        if (identity.hasRole(Roles.AGENT)) {
            return "customer service";
        }
        if (identity.hasRole(Roles.WEBSHOP)) {
            return "the web shop";
        }
        if (identity.hasRole(Roles.BILLING_ADMIN)) {
            return "finance";
        }
        return "Flyt";
    }

    /** A hub partner's operator id, from the {@code operator_id} claim. */
    public Optional<String> operatorId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Optional.ofNullable(jwt.getClaim(Roles.OPERATOR_ID_CLAIM));
        }
        return Optional.empty();
    }

    /**
     * Only agents read a customer's data by id; anyone else only their own (R-DATA-02), whatever other roles their
     * token carries (an endpoint that lets finance read any account says so itself). Another customer's data answers
     * 404, as if it did not exist, so that ids cannot be probed.
     */
    public void requireAccessToCustomer(String customerId, String what) {
        if (!identity.hasRole(Roles.AGENT) && !subject().equals(customerId)) {
            throw ProblemException.notFound(what);
        }
    }
}

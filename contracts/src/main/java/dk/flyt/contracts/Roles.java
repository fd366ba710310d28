package dk.flyt.contracts;

import java.util.Set;

/** The one role set every service understands. Roles come from the token's {@code groups} claim. */
public final class Roles {
    /** A private or business customer; the token's subject is the customer id. */
    public static final String CUSTOMER = "customer";
    /** A customer-service or sales agent using the console. */
    public static final String AGENT = "agent";
    /** The web shop, a machine client (client credentials). */
    public static final String WEBSHOP = "webshop";
    /** The logistics partner reporting shipments. */
    public static final String LOGISTICS = "logistics";
    /** Another Danish operator speaking through the porting hub; its operator id is a claim. */
    public static final String NP_OPERATOR = "np-operator";
    /** Finance staff running charge runs and corrections. */
    public static final String BILLING_ADMIN = "billing-admin";

    /** The mobile core network reporting SIM first use and rated usage. */
    public static final String NETWORK = "network";

    /** Moves the business clock of a local or test run (never in production). */
    public static final String CLOCK_ADMIN = "clock-admin";

    /** The claim that carries an {@link #NP_OPERATOR}'s operator id. */
    public static final String OPERATOR_ID_CLAIM = "operator_id";

    public static final Set<String> ALL =
            Set.of(CUSTOMER, AGENT, WEBSHOP, LOGISTICS, NP_OPERATOR, BILLING_ADMIN, NETWORK, CLOCK_ADMIN);

    private Roles() {}
}

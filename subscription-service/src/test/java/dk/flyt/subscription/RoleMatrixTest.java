package dk.flyt.subscription;

import static dk.flyt.testing.RoleMatrix.PUBLIC;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.RoleMatrix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may call what in subscription-service (DESIGN "Security"), checked against every documented endpoint. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class RoleMatrixTest {
    private static final Set<String> CUSTOMER_AGENT = Set.of("customer", "agent");

    @Test
    void everyEndpointAnswersExactlyItsRoles() {
        RoleMatrix.verify(Map.ofEntries(
                Map.entry("GET /api/v1/dead-letters", Set.of("agent")),
                Map.entry("GET /api/v1/plans", PUBLIC),
                Map.entry("GET /api/v1/plans/{code}/price-changes", PUBLIC),
                Map.entry("POST /api/v1/plans/{code}/price-changes", Set.of("billing-admin")),
                Map.entry("GET /api/v1/customers/{customerId}", CUSTOMER_AGENT),
                Map.entry("PATCH /api/v1/customers/{customerId}", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/customers/search", Set.of("agent")),
                Map.entry("GET /api/v1/customers/{customerId}/audit", Set.of("agent")),
                Map.entry("GET /api/v1/customers/{customerId}/consents", CUSTOMER_AGENT),
                Map.entry("GET /api/v1/customers/{customerId}/contacts", Set.of("agent")),
                Map.entry("POST /api/v1/customers/{customerId}/contacts", Set.of("agent")),
                Map.entry("GET /api/v1/customers/{customerId}/contacts/{contactId}", Set.of("agent")),
                Map.entry("POST /api/v1/customers/{customerId}/contacts/{contactId}/close", Set.of("agent")),
                Map.entry("POST /api/v1/customers/{customerId}/consents", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/customers/{customerId}/consents/{consentId}/withdrawal", CUSTOMER_AGENT),
                Map.entry("GET /api/v1/customers/{customerId}/orders", CUSTOMER_AGENT),
                Map.entry("GET /api/v1/customers/{customerId}/overview", Set.of("agent")),
                Map.entry("GET /api/v1/customers/{customerId}/subscriptions", CUSTOMER_AGENT),
                Map.entry("GET /api/v1/customers/{customerId}/timeline", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/orders", Set.of("webshop", "agent", "customer")),
                Map.entry("GET /api/v1/orders", Set.of("agent")),
                Map.entry("GET /api/v1/orders/{id}", Set.of("customer", "agent", "webshop")),
                Map.entry("GET /api/v1/orders/{id}/timeline", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/orders/{id}/acceptance", Set.of("customer")),
                Map.entry("POST /api/v1/orders/{id}/lines/{lineId}/port-in-correction", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/orders/{id}/lines/{lineId}/shipment", Set.of("logistics")),
                Map.entry("POST /api/v1/orders/{id}/withdrawal", CUSTOMER_AGENT),
                Map.entry("GET /api/v1/ownership-transfers/{transferId}", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/ownership-transfers/{transferId}/acceptance", Set.of("customer")),
                Map.entry("GET /api/v1/subscriptions/{id}", CUSTOMER_AGENT),
                Map.entry("GET /api/v1/subscriptions/{id}/timeline", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/subscriptions/{id}/block", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/subscriptions/{id}/unblock", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/subscriptions/{id}/cancellation", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/subscriptions/{id}/ownership-transfers", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/subscriptions/{id}/plan-changes", CUSTOMER_AGENT),
                Map.entry("DELETE /api/v1/subscriptions/{id}/plan-changes/{changeId}", CUSTOMER_AGENT),
                Map.entry("POST /api/v1/subscriptions/{id}/usage", Set.of("network")),
                Map.entry("GET /api/v1/clock", Set.of("clock-admin")),
                Map.entry("PUT /api/v1/clock", Set.of("clock-admin")),
                Map.entry("POST /api/v1/clock/advance", Set.of("clock-admin"))));
    }
}

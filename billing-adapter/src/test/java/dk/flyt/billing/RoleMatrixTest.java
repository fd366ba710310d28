package dk.flyt.billing;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.RoleMatrix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may call what in billing-adapter (DESIGN "Security"), checked against every documented endpoint. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class RoleMatrixTest {
    private static final Set<String> READERS = Set.of("customer", "agent", "billing-admin");

    @Test
    void everyEndpointAnswersExactlyItsRoles() {
        RoleMatrix.verify(Map.ofEntries(
                Map.entry("GET /api/v1/reconciliations/differences", Set.of("billing-admin", "agent")),
                Map.entry("GET /api/v1/dead-letters", Set.of("agent")),
                Map.entry("GET /api/v1/accounts/{customerId}", READERS),
                Map.entry("GET /api/v1/accounts/{customerId}/entries", READERS),
                Map.entry("GET /api/v1/accounts/{customerId}/overview", Set.of("agent")),
                Map.entry("PUT /api/v1/accounts/{customerId}/payment-method", Set.of("customer", "agent")),
                Map.entry("POST /api/v1/accounts/{customerId}/disputes", Set.of("agent")),
                Map.entry("POST /api/v1/accounts/{customerId}/disputes/{complaintId}/resolution", Set.of("agent")),
                Map.entry("GET /api/v1/accounts/{customerId}/complaints", Set.of("agent", "customer")),
                Map.entry("POST /api/v1/accounts/{customerId}/complaints", Set.of("agent")),
                Map.entry("POST /api/v1/accounts/{customerId}/complaints/{id}/acknowledgement", Set.of("agent")),
                Map.entry("POST /api/v1/accounts/{customerId}/complaints/{id}/special", Set.of("agent")),
                Map.entry("POST /api/v1/accounts/{customerId}/complaints/{id}/decision", Set.of("agent")),
                Map.entry("GET /api/v1/complaints/overdue", Set.of("agent")),
                Map.entry("POST /api/v1/charge-runs", Set.of("billing-admin")),
                Map.entry("GET /api/v1/charge-runs/{id}", Set.of("billing-admin")),
                Map.entry("POST /api/v1/reconciliations", Set.of("billing-admin")),
                Map.entry("GET /api/v1/reconciliations/{id}", Set.of("billing-admin")),
                Map.entry("GET /api/v1/customers/{customerId}/audit", Set.of("agent")),
                Map.entry("GET /api/v1/clock", Set.of("clock-admin")),
                Map.entry("PUT /api/v1/clock", Set.of("clock-admin")),
                Map.entry("POST /api/v1/clock/advance", Set.of("clock-admin"))));
    }
}

package dk.flyt.porting;

import static dk.flyt.testing.RoleMatrix.PUBLIC;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.RoleMatrix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may call what in porting-service (DESIGN "Security"), checked against every documented endpoint. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class RoleMatrixTest {
    @Test
    void everyEndpointAnswersExactlyItsRoles() {
        RoleMatrix.verify(Map.ofEntries(
                Map.entry("GET /api/v1/dead-letters", Set.of("agent")),
                Map.entry("GET /api/v1/porting-calendar/earliest-port-date", PUBLIC),
                Map.entry("GET /api/v1/porting-calendar/working-days", PUBLIC),
                Map.entry("GET /api/v1/port-ins", Set.of("agent")),
                Map.entry("GET /api/v1/port-ins/{id}", Set.of("agent", "customer")),
                Map.entry("GET /api/v1/numbers/{number}", Set.of("agent")),
                Map.entry("POST /api/v1/interop/messages", Set.of("np-operator")),
                Map.entry("GET /api/v1/interop/parked", Set.of("agent")),
                Map.entry("GET /api/v1/compensations", Set.of("agent", "customer")),
                Map.entry("POST /api/v1/compensations", Set.of("agent")),
                Map.entry("POST /api/v1/compensations/quotes", Set.of("agent")),
                Map.entry("GET /api/v1/customers/{customerId}/audit", Set.of("agent")),
                Map.entry("GET /api/v1/clock", Set.of("clock-admin")),
                Map.entry("PUT /api/v1/clock", Set.of("clock-admin")),
                Map.entry("POST /api/v1/clock/advance", Set.of("clock-admin"))));
    }
}

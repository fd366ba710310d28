package dk.flyt.porting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.flyt.platform.time.MutableClock;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agents file compensation claims; the amount follows the rules and the 30-day limit holds (R-COMP-01..04). */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class CompensationApiTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    MutableClock clock;

    @BeforeEach
    void freeze() {
        clock.set(NOW);
    }

    private static String claim(String kind, String customer, String started, String fixed) {
        return """
                {"kind":"%s","customerId":"%s","caseId":"%s","number":"+4591000000",
                 "faultStartedAt":"%s","faultFixedAt":"%s"}""".formatted(kind, customer, UUID.randomUUID(), started, fixed);
    }

    @ParameterizedTest(name = "{0} from {1} to {2} -> {3} øre")
    @CsvSource({
        "DELAYED_PORT, 2026-11-20T01:00:00Z, 2026-11-21T09:00:00Z, 5000",
        "DELAYED_PORT, 2026-11-20T01:00:00Z, 2026-11-22T09:00:00Z, 5500",
        "DELAYED_PORT, 2026-11-20T01:00:00Z, 2026-11-30T09:00:00Z, 9500",
        "INTERRUPTION, 2026-11-20T00:00:00Z, 2026-11-21T01:00:00Z, 5000",
        "INTERRUPTION, 2026-11-20T00:00:00Z, 2026-11-22T01:00:00Z, 10000",
        "WRONGFUL_PORT, 2026-11-20T00:00:00Z, 2026-11-20T06:00:00Z, 50000"
    })
    void R_COMP_01_02_03_aClaimIsGrantedForTheAmountTheRulesGive(String kind, String started, String fixed, long ore) {
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(claim(kind, "cust-" + UUID.randomUUID(), started, fixed))
                .when()
                .post("/api/v1/compensations")
                .then()
                .statusCode(201)
                .body("amount", equalTo((int) ore))
                .body("origin", equalTo("agent-client"));
    }

    @Test
    void R_COMP_03_an23HourInterruptionEarnsNothing() {
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(claim("INTERRUPTION", "c-23", "2026-11-20T00:00:00Z", "2026-11-20T23:00:00Z"))
                .when()
                .post("/api/v1/compensations")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/no-compensation-due"));
    }

    @Test
    void R_COMP_04_aClaimAfter30DaysIsRefusedWithAClearError() {
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(claim("DELAYED_PORT", "c-late", "2026-10-28T01:00:00Z", "2026-10-31T09:59:59Z"))
                .when()
                .post("/api/v1/compensations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://flyt.dk/problems/claim-too-late"));
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(claim("DELAYED_PORT", "c-intime", "2026-10-28T01:00:00Z", "2026-11-01T10:00:00Z"))
                .when()
                .post("/api/v1/compensations")
                .then()
                .statusCode(201);
    }

    @Test
    void R_COMP_05_grantedCompensationIsListedForTheCustomerOnly() {
        String customer = "cust-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(claim("WRONGFUL_PORT", customer, "2026-11-20T00:00:00Z", "2026-11-20T06:00:00Z"))
                .post("/api/v1/compensations")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.customer(customer))
                .queryParam("customerId", customer)
                .get("/api/v1/compensations")
                .then()
                .statusCode(200)
                .body("kind", hasItem("WRONGFUL_PORT"));
        given().auth()
                .oauth2(Tokens.customer("someone-else"))
                .queryParam("customerId", customer)
                .get("/api/v1/compensations")
                .then()
                .statusCode(404);
    }

    @Test
    void badClaimsNameTheFieldAndOnlyAgentsMayClaim() {
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"DELAYED_PORT\",\"customerId\":\"c\",\"caseId\":\"x\"}")
                .post("/api/v1/compensations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("faultStartedAt"));
        given().auth()
                .oauth2(Tokens.customer("c"))
                .contentType(ContentType.JSON)
                .body(claim("WRONGFUL_PORT", "c", "2026-11-20T00:00:00Z", "2026-11-20T06:00:00Z"))
                .post("/api/v1/compensations")
                .then()
                .statusCode(403);
    }
}

package dk.flyt.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gateway against stub upstreams and the real test OIDC provider: routing of every route group, token
 * validation before routing, spoofed identity and forwarding headers removed, limits, an upstream that is down, and a
 * large body streamed through unchanged.
 */
@QuarkusTest
@WithTestResource(Upstreams.class)
class GatewayTest {
    private static final String WEBSHOP = Tokens.forRole("webshop");

    private static JsonPath through(String path) {
        return given().auth()
                .oauth2(WEBSHOP)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everyRouteGroupReachesItsService() {
        assertThat(through("/api/v1/orders/o-1").getString("service")).isEqualTo("subscription");
        assertThat(through("/api/v1/customers/c-1/audit").getString("service")).isEqualTo("subscription");
        assertThat(through("/api/v1/port-ins/p-1").getString("service")).isEqualTo("porting");
        assertThat(through("/api/v1/interop/parked").getString("service")).isEqualTo("porting");
        assertThat(through("/api/v1/accounts/c-1/entries").getString("service")).isEqualTo("billing");
        assertThat(through("/api/v1/charge-runs/r-1").getString("path")).isEqualTo("/api/v1/charge-runs/r-1");
        given().get("/api/v1/porting-calendar/working-days?from=2026-12-01&to=2026-12-31")
                .then()
                .statusCode(200)
                .body("service", equalTo("porting"));
    }

    @Test
    void anUnknownPathAndTheServicesClockAreNotRouted() {
        for (String path :
                new String[] {"/api/v1/nothing-here", "/api/v1/clock", "/api/v1/clock/advance", "/api/v1/ordersx"}) {
            given().auth()
                    .oauth2(Tokens.forRole("clock-admin"))
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aTokenIsValidatedBeforeAnythingIsRoutedAndThenRelayed() {
        given().get("/api/v1/orders/o-1").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/v1/orders/o-1").then().statusCode(401);
        String relayed = through("/api/v1/orders/o-1").getString("headers.authorization");
        assertThat(relayed).isEqualTo("Bearer " + WEBSHOP);
    }

    @Test
    void spoofedIdentityAndForwardingHeadersAreRemovedAndTheGatewaysOwnSet() {
        JsonPath seen = given().auth()
                .oauth2(WEBSHOP)
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-User", "admin")
                .header("X-Remote-User", "admin")
                .header("traceparent", "00-11111111111111111111111111111111-2222222222222222-01")
                .header("Flyt-Contact-Id", "c-123")
                .get("/api/v1/orders/o-1")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Correlation-Id", not(equalTo("")))
                .extract()
                .jsonPath();
        assertThat(seen.getString("headers.'x-forwarded-for'")).isEqualTo("127.0.0.1");
        assertThat(seen.getString("headers.forwarded")).isNull();
        assertThat(seen.getString("headers.'x-user'")).isNull();
        assertThat(seen.getString("headers.'x-remote-user'")).isNull();
        assertThat(seen.getString("headers.traceparent")).startsWith("00-").doesNotContain("1111111111");
        assertThat(seen.getString("headers.'flyt-contact-id'"))
                .as("the agent's contact goes through")
                .isEqualTo("c-123");
    }

    @Test
    void overTheLimitTheAnswerIs429WithRetryAfter() {
        int passed = 0;
        io.restassured.response.Response last = null;
        for (int i = 0; i < 8; i++) {
            last = given().auth().oauth2(Tokens.forRole("network")).get("/api/v1/plans");
            if (last.statusCode() == 200) {
                passed++;
            } else {
                break;
            }
        }
        assertThat(passed).isLessThanOrEqualTo(5);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        // another caller has a limit of its own
        given().auth()
                .oauth2(Tokens.forRole("logistics"))
                .get("/api/v1/plans")
                .then()
                .statusCode(200);
    }

    @Test
    void aServiceThatIsDownIsA503NamingItAndTheOtherRoutesAreUnaffected() {
        Upstreams.stop("billing");
        try {
            given().auth()
                    .oauth2(WEBSHOP)
                    .get("/api/v1/accounts/c-1")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("billing"));
            through("/api/v1/orders/o-1");
        } finally {
            Upstreams.restart("billing");
        }
    }

    @Test
    void aFiveMegabyteBodyIsStreamedThroughUnchanged() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(body);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        JsonPath seen = given().auth()
                .oauth2(WEBSHOP)
                .contentType("application/octet-stream")
                .body(body)
                .post("/api/v1/orders")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(seen.getLong("bodyBytes")).isEqualTo(body.length);
        assertThat(seen.getString("bodySha256")).isEqualTo(sha);
    }

    @Test
    void afterFailuresInARowTheCircuitOpensAndClosesOnceTheServiceIsBack() throws Exception {
        Upstreams.stop("porting");
        try {
            for (int i = 0; i < 3; i++) {
                given().auth()
                        .oauth2(WEBSHOP)
                        .get("/api/v1/port-ins/p-1")
                        .then()
                        .statusCode(503)
                        .body("detail", containsString("porting does not answer"));
            }
            given().auth()
                    .oauth2(WEBSHOP)
                    .get("/api/v1/port-ins/p-1")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", not(equalTo("")))
                    .body("detail", containsString("circuit is open"));
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'upstreams' }.data.porting", equalTo("DOWN"))
                    .body("checks.find { it.name == 'upstreams' }.data.subscription", equalTo("UP"));
        } finally {
            Upstreams.restart("porting");
        }
        Thread.sleep(1_200);
        assertThat(through("/api/v1/port-ins/p-1").getString("service")).isEqualTo("porting");
    }

    @Test
    void onlyTheWebShopsOriginMayCallFromABrowser() {
        given().header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/orders")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://shop.example");
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/orders")
                .then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}

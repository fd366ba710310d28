package dk.flyt.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dk.flyt.testing.Servers;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
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
    void aBodyOverTheLimitIsRefusedBeforeItIsReadOrReachesAService() throws Exception {
        int before = Upstreams.RECEIVED.get();
        // the request declares 9 MB and sends none of it: the answer comes from the declared length alone
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + WEBSHOP
                                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                                    + (9 * 1024 * 1024) + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
        assertThat(Upstreams.RECEIVED.get()).isEqualTo(before);
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

    @Test
    void anExpiredAWrongIssuersOrAWrongAudiencesTokenIsRefusedBeforeAnythingIsRouted() {
        String expired = Tokens.expired("webshop");
        String otherIssuer = Tokens.fromOtherIssuer("webshop");
        String otherAudience = Tokens.withAudience("webshop", "someone-else");
        // each token is wrong in exactly the one way its name says
        assertThat(claims(expired).getLong("exp")).isLessThan(System.currentTimeMillis() / 1000);
        assertThat(claims(expired).getString("iss")).isEqualTo(claims(WEBSHOP).getString("iss"));
        assertThat(claims(otherIssuer).getString("iss")).endsWith("/other");
        assertThat(claims(otherAudience).getString("aud"))
                .contains("someone-else")
                .doesNotContain("flyt");
        int before = Upstreams.RECEIVED.get();
        for (String token : List.of(expired, otherIssuer, otherAudience)) {
            given().auth().oauth2(token).get("/api/v1/orders/o-1").then().statusCode(401);
        }
        assertThat(Upstreams.RECEIVED.get()).as("nothing reached a service").isEqualTo(before);
    }

    @Test
    void aServiceThatAnswersTooLateIsA504NamingItWhileItsOtherPathsWork() {
        given().auth()
                .oauth2(WEBSHOP)
                .get("/api/v1/orders/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("detail", containsString("subscription did not answer within 1000 ms"));
        through("/api/v1/orders/o-1");
    }

    @Test
    void oneOpenApiDocumentMergesTheServicesRoutedPaths() {
        JsonPath doc =
                given().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths").keySet())
                .containsExactlyInAnyOrder(
                        "/api/v1/orders/{orderId}", "/api/v1/port-ins/{caseId}", "/api/v1/accounts/{customerId}")
                .as("the test clock is never routed, so never documented")
                .doesNotContain("/api/v1/clock");
        assertThat(doc.getList("tags.name")).containsExactlyInAnyOrder("subscription", "porting", "billing");
        assertThat(doc.getMap("components.schemas").keySet()).containsExactlyInAnyOrder("Problem", "billing_Problem");
        assertThat(doc.getString(
                        "paths.'/api/v1/accounts/{customerId}'.get.responses.'404'.content.'application/problem+json'"
                                + ".schema.'$ref'"))
                .isEqualTo("#/components/schemas/billing_Problem");
        assertThat(doc.getString("servers[0].url")).startsWith("http://");
        assertThat(doc.getList("x-flyt-missing")).isNull();
    }

    @Test
    void theConsoleSendsABrowserToTheProviderWithPkceAndAnswersHtmx499() {
        io.restassured.response.Response login =
                given().redirects().follow(false).get("/console");
        assertThat(login.statusCode()).isEqualTo(302);
        String location = login.header("Location");
        assertThat(location)
                .startsWith(Servers.oidcIssuer())
                .contains("client_id=flyt-console")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256")
                .contains("redirect_uri="
                        + java.net.URLEncoder.encode(
                                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                        + "/console/callback",
                                java.nio.charset.StandardCharsets.UTF_8));
        given().redirects()
                .follow(false)
                .header("HX-Request", "true")
                .get("/console/customers/c-1")
                .then()
                .statusCode(499);
        given().header("Authorization", "Bearer " + WEBSHOP)
                .redirects()
                .follow(false)
                .get("/console")
                .then()
                .statusCode(org.hamcrest.Matchers.not(200));
    }

    @Test
    void theSignedOutPageAndTheConsolesStaticFilesNeedNoSessionAndCarryTheSecurityHeaders() {
        given().get("/console/signed-out")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("Du er logget ud"));
        given().get("/console-assets/console.js").then().statusCode(200);
        given().get("/webjars/htmx.org/2.0.7/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void everyRequestIsTimedByRouteGroupAndUpstream() {
        through("/api/v1/port-ins/p-1");
        given().get("/console/signed-out").then().statusCode(200);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("flyt_gateway_requests_seconds_count\\{[^}]*group=\"api\"[^}]*upstream=\"porting\"")
                .containsPattern("flyt_gateway_requests_seconds_count\\{[^}]*group=\"console\"[^}]*upstream=\"none\"");
    }

    private static JsonPath claims(String token) {
        String payload = token.split("\\.")[1];
        return new JsonPath(
                new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8));
    }
}

package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.platform.time.MutableClock;
import dk.flyt.subscription.credit.SimulatedCreditBureau;
import dk.flyt.subscription.persistence.CustomerRepository;
import dk.flyt.subscription.persistence.OrderRepository;
import dk.flyt.testing.Agents;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security issue's identity problems, over HTTP: an order never takes over or rewrites another customer's
 * profile, credit data reaches only agents, the web shop reads only its own orders, and customer views name roles,
 * not staff (R-DATA-01/02).
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class ProfileProtectionTest {
    @Inject
    MutableClock clock;

    @Inject
    CustomerRepository customers;

    @Inject
    OrderRepository orders;

    @Inject
    SimulatedCreditBureau bureau;

    @BeforeEach
    void weekday() {
        clock.set(Instant.parse("2026-11-10T10:00:00Z"));
    }

    private static ValidatableResponse place(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when()
                .post("/api/v1/orders")
                .then();
    }

    private static Map<String, Object> order(Map<String, Object> customer) {
        return Shop.order(customer, List.of(Shop.newLine("MOBILE_10GB", 0)));
    }

    private static Map<String, Object> stranger(String cpr) {
        Map<String, Object> c = Shop.customer(cpr);
        c.put("name", "Mallory Hacker");
        c.put("address", Map.of("street", "Falsk Vej 9", "postalCode", "2100", "city", "København Ø"));
        c.put("email", "mallory@example.dk");
        return c;
    }

    private static JsonNode profile(String id) {
        return Shop.read(Agents.on(id)
                .get("/api/v1/customers/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private long ordersOf(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> orders.count("customerId", customerId));
    }

    @Test
    void R_DATA_01_anOrderQuotingAKnownCprWithoutProofIsRefusedAndChangesNothing() {
        String cpr = Shop.cpr();
        String karen = Shop.placed(order(Shop.customer(cpr))).get("customerId").asText();
        JsonNode before = profile(karen);

        String anonymous = place(Tokens.forRole("webshop"), order(stranger(cpr)))
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/identity-refused"))
                .extract()
                .path("detail");
        Map<String, Object> otherId = stranger(cpr);
        otherId.put("id", "someone-" + UUID.randomUUID().toString().substring(0, 8));
        String withOtherId = place(Tokens.forRole("webshop"), order(otherId))
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/identity-refused"))
                .extract()
                .path("detail");

        assertThat(withOtherId).as("one answer, whatever the reason").isEqualTo(anonymous);
        assertThat(anonymous).doesNotContain(karen).doesNotContain(cpr).doesNotContain("Karen");
        assertThat(profile(karen)).as("the profile is untouched").isEqualTo(before);
        assertThat(ordersOf(karen)).as("no order was attached to her").isEqualTo(1);
    }

    @Test
    void R_DATA_01_withTheLoggedInSubjectTheOrderJoinsTheProfileButNeverRewritesIt() {
        String cpr = Shop.cpr();
        String karen = Shop.placed(order(Shop.customer(cpr))).get("customerId").asText();
        JsonNode before = profile(karen);
        Map<String, Object> loggedIn = stranger(cpr); // the web shop passes her subject, with other contact data
        loggedIn.put("id", karen);
        JsonNode second = Shop.placed(order(loggedIn));
        assertThat(second.get("customerId").asText()).isEqualTo(karen);
        assertThat(profile(karen)).as("checkout never changes a profile").isEqualTo(before);
    }

    @Test
    void R_DATA_01_aCustomerOrdersWithTheirOwnTokenForTheirOwnProfileOnly() {
        String subject = "kunde-" + UUID.randomUUID().toString().substring(0, 8);
        String cpr = Shop.cpr();
        place(Tokens.customer(subject), order(Shop.customer(cpr)))
                .statusCode(201)
                .body("customerId", equalTo(subject));
        Map<String, Object> forSomeoneElse = Shop.customer(Shop.cpr());
        forSomeoneElse.put("id", "another-" + UUID.randomUUID().toString().substring(0, 8));
        place(Tokens.customer(subject), order(forSomeoneElse))
                .statusCode(400)
                .body("errors[0].field", equalTo("customer.id"));
    }

    @Test
    void R_DATA_01_twoConcurrentFirstOrdersForOneNewCprEndCleanly() throws Exception {
        String cpr = Shop.cpr();
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return place(Tokens.forRole("webshop"), order(Shop.customer(cpr)))
                        .extract()
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes)
                .as("one profile is created; the rest are refused or asked to retry, never a 500")
                .containsOnlyOnce(201)
                .allMatch(c -> c == 201 || c == 422 || c == 409);
        long profiles = QuarkusTransaction.requiringNew().call(() -> customers.count("cpr", cpr));
        assertThat(profiles).isEqualTo(1);
    }

    @Test
    void R_DATA_01_profileDataChangesThroughItsOwnerOnly() {
        String subject = "kunde-" + UUID.randomUUID().toString().substring(0, 8);
        place(Tokens.customer(subject), order(Shop.customer(Shop.cpr()))).statusCode(201);
        given().auth()
                .oauth2(Tokens.customer(subject))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        "ny@example.dk",
                        "address",
                        Map.of("street", "Ny Vej 2", "postalCode", "8000", "city", "Aarhus C")))
                .patch("/api/v1/customers/{id}", subject)
                .then()
                .statusCode(200)
                .body("email", equalTo("ny@example.dk"))
                .body("street", equalTo("Ny Vej 2"))
                .body("name", equalTo("Karen Jensen"));
        given().auth()
                .oauth2(Tokens.customer("intruder-" + UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("email", "evil@example.dk"))
                .patch("/api/v1/customers/{id}", subject)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.forRole("webshop"))
                .contentType(ContentType.JSON)
                .body(Map.of("email", "evil@example.dk"))
                .patch("/api/v1/customers/{id}", subject)
                .then()
                .statusCode(403);
        Agents.on(subject)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        "not an address",
                        "address",
                        Map.of("street", "x".repeat(201), "postalCode", "8000", "city", "Aarhus")))
                .patch("/api/v1/customers/{id}", subject)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("address.street", "email"));
        assertThat(profile(subject).get("email").asText()).isEqualTo("ny@example.dk");
        Agents.on(subject)
                .contentType(ContentType.JSON)
                .body(Map.of("contactNumber", "+45 26 12 34 99"))
                .patch("/api/v1/customers/{id}", subject)
                .then()
                .statusCode(200)
                .body("contactNumber", equalTo("+4526123499"));
        Agents.on(subject)
                .get("/api/v1/customers/{id}/audit", subject)
                .then()
                .statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItem("PROFILE_CHANGED"));
    }

    @Test
    void R_ORD_04_theWebShopReadsOnlyTheOrdersItPlacedAndNeverTheCreditReason() {
        String cpr = Shop.cpr();
        bureau.behave(cpr, SimulatedCreditBureau.Behaviour.REFUSE_RKI);
        String id = Shop.placed(order(Shop.customer(cpr))).get("id").asText();
        given().auth()
                .oauth2(Tokens.forRole("webshop"))
                .get("/api/v1/orders/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("refusalReason", nullValue());
        given().auth()
                .oauth2(Tokens.token("another-shop", null, "webshop"))
                .get("/api/v1/orders/{id}", id)
                .then()
                .statusCode(404);
        Shop.agentOn(id)
                .get("/api/v1/orders/{id}/timeline", id)
                .then()
                .statusCode(200)
                .body(
                        "detail",
                        org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("RKI"))));
    }

    @Test
    void R_DATA_02_customerTimelinesNameTheRoleNeverTheAgent() {
        String subject = "kunde-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> c = Shop.customer(Shop.cpr());
        c.put("id", subject);
        String agent = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        String id = place(Tokens.token(agent, null, "agent"), order(c))
                .statusCode(201)
                .extract()
                .path("id");
        String timeline = given().auth()
                .oauth2(Tokens.customer(subject))
                .get("/api/v1/orders/{id}/timeline", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(timeline).doesNotContain(agent).contains("placed by customer service");
    }
}

package dk.flyt.porting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.flyt.platform.time.MutableClock;
import dk.flyt.porting.application.CompensationService;
import dk.flyt.porting.domain.CompensationKind;
import dk.flyt.porting.domain.PortInState;
import dk.flyt.porting.domain.PortOutState;
import dk.flyt.porting.persistence.PortInEntity;
import dk.flyt.porting.persistence.PortInRepository;
import dk.flyt.porting.persistence.PortOutEntity;
import dk.flyt.porting.persistence.PortOutRepository;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agents file compensation claims on a customer's port case; the amount follows the rules and the case's own dates,
 * one grant per case and kind whoever comes first, the 30-day limit holds to the end of the day, and every claim is
 * audited (R-COMP-01..05, R-DATA-02). The cases are written straight to the database as the flows leave them.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class CompensationApiTest {
    private static final Instant NOW = Porting.copenhagen("2026-12-01T10:00");

    @Inject
    MutableClock clock;

    @Inject
    PortInRepository portIns;

    @Inject
    PortOutRepository portOuts;

    @Inject
    CompensationService compensations;

    @BeforeEach
    void freeze() {
        clock.set(NOW);
    }

    /** A port-in agreed for {@code portDate}, executed at 02:00 that day and working everywhere at {@code worked}. */
    private String completedPortIn(String customer, String portDate, String worked) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PortInEntity e = new PortInEntity();
            e.id = UUID.randomUUID();
            e.orderId = "o-" + e.id;
            e.lineId = "1";
            e.customerId = customer;
            e.number = Porting.newNumber();
            e.donorIccid = "8945011234567890123";
            e.donorOperator = "TDC";
            e.mode = "ASAP";
            e.shippedOn = LocalDate.parse(portDate).minusDays(7);
            e.earliestPortDate = LocalDate.parse(portDate);
            e.portDate = LocalDate.parse(portDate);
            e.createdAt = e.shippedOn
                    .atStartOfDay(dk.flyt.contracts.BusinessTime.ZONE)
                    .toInstant();
            e.moveTo(PortInState.REQUESTED, "test", e.createdAt);
            e.moveTo(PortInState.SCHEDULED, "test", e.createdAt);
            e.executedAt = Porting.copenhagen(portDate + "T02:00");
            e.moveTo(PortInState.EXECUTING, "test", e.executedAt);
            e.completedAt = Porting.copenhagen(worked);
            e.moveTo(PortInState.COMPLETED, "test", e.completedAt);
            portIns.persist(e);
            return e.id.toString();
        });
    }

    private String completedPortOut(String customer, String portDate) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PortOutEntity e = new PortOutEntity();
            e.id = UUID.randomUUID();
            e.dossierId = "TELIA-" + e.id;
            e.recipientOperator = "TELIA";
            e.number = Porting.newNumber();
            e.customerId = customer;
            e.portDate = LocalDate.parse(portDate);
            e.createdAt = Porting.copenhagen(portDate + "T02:00").minusSeconds(86_400 * 7);
            e.moveTo(PortOutState.ACCEPTED, "test", e.createdAt);
            e.moveTo(PortOutState.COMPLETED, "test", Porting.copenhagen(portDate + "T02:05"));
            portOuts.persist(e);
            return e.id.toString();
        });
    }

    /** A claim by an agent within a contact with the body's customer (R-DATA-02), as the console files it. */
    private static ValidatableResponse claim(String body) {
        return send("/api/v1/compensations", body);
    }

    /** What the claim would grant, as the console shows it before the agent confirms. */
    private static ValidatableResponse quote(String body) {
        return send("/api/v1/compensations/quotes", body);
    }

    private static ValidatableResponse send(String path, String body) {
        String customer;
        try {
            customer = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(body)
                    .path("customerId")
                    .asText(null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            customer = null;
        }
        var agent = customer == null || customer.isBlank()
                ? given().auth().oauth2(Tokens.forRole("agent"))
                : Agents.announcedOn(customer);
        return agent.contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static String body(String kind, String customer, String caseId, String started, String fixed) {
        return """
                {"kind":"%s","customerId":"%s","caseId":"%s"%s%s}""".formatted(
                        kind,
                        customer,
                        caseId,
                        started == null ? "" : ",\"faultStartedAt\":\"" + Porting.copenhagen(started) + "\"",
                        fixed == null ? "" : ",\"faultFixedAt\":\"" + Porting.copenhagen(fixed) + "\"");
    }

    @ParameterizedTest(name = "R-COMP-02 agreed {0}, working {1} -> {2} øre")
    @CsvSource({
        "2026-11-20, 2026-11-21T09:00, 5000", // one day late: 50 kr, not 'nothing due'
        "2026-11-20, 2026-11-22T09:00, 5500",
        "2026-11-20, 2026-11-30T09:00, 9500"
    })
    void R_COMP_02_aDelayClaimIsReckonedFromTheCasesAgreedDate(String agreed, String worked, int ore) {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortIn(customer, agreed, worked);
        quote(body("DELAYED_PORT", customer, caseId, null, null))
                .statusCode(200)
                .body("amount", equalTo(ore))
                .body("grantedBefore", equalTo(null));
        claim(body("DELAYED_PORT", customer, caseId, null, null))
                .statusCode(201)
                .body("amount", equalTo(ore))
                .body("origin", equalTo("agent-client"))
                .body("faultFixedAt", equalTo(Porting.copenhagen(worked).toString()));
    }

    @Test
    void R_COMP_03_anInterruptionClaimWithinTheCaseIsReckonedByCalendarDays() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortIn(customer, "2026-11-20", "2026-11-23T12:00");
        claim(body("INTERRUPTION", customer, caseId, "2026-11-20T02:00", "2026-11-22T01:00"))
                .statusCode(201)
                .body("amount", equalTo(10_000));
        String other = completedPortIn(customer, "2026-11-20", "2026-11-21T01:00");
        claim(body("INTERRUPTION", customer, other, "2026-11-20T02:00", "2026-11-21T01:00"))
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/no-compensation-due"));
    }

    @Test
    void R_COMP_01_aWrongfulPortIsClaimedOnTheCustomersPortOut() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortOut(customer, "2026-11-25");
        claim(body("WRONGFUL_PORT", customer, caseId, null, "2026-11-26T10:00"))
                .statusCode(201)
                .body("amount", equalTo(50_000));
        claim(body("DELAYED_PORT", customer, caseId, null, null))
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        quote(body("DELAYED_PORT", customer, caseId, null, null))
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        quote(body("WRONGFUL_PORT", customer, caseId, null, "2026-11-26T10:00"))
                .statusCode(200)
                .body("amount", equalTo(50_000))
                .body("grantedBefore.amount", equalTo(50_000));
    }

    @Test
    void theAmountIsTheRulesNeverTheAgents() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortIn(customer, "2026-11-20", "2026-11-21T09:00");
        String greedy = body("DELAYED_PORT", customer, caseId, null, null).replace("}", ",\"amount\":9999999}");
        claim(greedy).statusCode(201).body("amount", equalTo(5000));
    }

    @Test
    void aClaimMustNameAPortCaseOfThatCustomer() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortIn(customer, "2026-11-20", "2026-11-22T09:00");
        claim(body("DELAYED_PORT", customer, UUID.randomUUID().toString(), null, null))
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/unknown-case"))
                .body("errors[0].field", equalTo("caseId"));
        claim(body("DELAYED_PORT", "someone-else", caseId, null, null))
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/unknown-case"));
        claim(body("DELAYED_PORT", customer, "not-a-case", null, null)).statusCode(422);
        Agents.announcedOn("someone-else")
                .queryParam("customerId", "someone-else")
                .get("/api/v1/compensations")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aClaimsDatesMustLieWithinTheCase() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortIn(customer, "2026-11-20", "2026-11-22T09:00");
        claim(body("DELAYED_PORT", customer, caseId, null, "2026-11-28T09:00"))
                .statusCode(422)
                .body("type", equalTo("https://flyt.dk/problems/outside-the-case"))
                .body("errors[0].field", equalTo("faultFixedAt"));
        claim(body("INTERRUPTION", customer, caseId, "2026-11-18T09:00", "2026-11-21T09:00"))
                .statusCode(422)
                .body("errors[0].field", equalTo("faultStartedAt"));
    }

    @Test
    void R_COMP_04_aClaimIsInTimeUntilTheEndOfTheThirtiethDayAfterTheFix() {
        String customer = "cust-" + UUID.randomUUID();
        String late = completedPortIn(customer, "2026-10-30", "2026-11-01T09:00");
        clock.set(Porting.copenhagen("2026-12-01T23:59"));
        String inTime = completedPortIn(customer, "2026-10-30", "2026-11-01T09:00");
        claim(body("DELAYED_PORT", customer, inTime, null, null)).statusCode(201);
        clock.set(Porting.copenhagen("2026-12-02T00:00"));
        claim(body("DELAYED_PORT", customer, late, null, null))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://flyt.dk/problems/claim-too-late"));
    }

    @Test
    void aClaimAndAnAutomaticGrantForTheSameCaseAndKindMakeOneGrantWhicheverComesFirst() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        String claimedFirst = completedPortIn(customer, "2026-11-20", "2026-11-22T09:00");
        claim(body("DELAYED_PORT", customer, claimedFirst, null, null)).statusCode(201);
        var automatic = compensations.grant(
                CompensationKind.DELAYED_PORT,
                customer,
                claimedFirst,
                null,
                Porting.copenhagen("2026-11-21T00:00"),
                Porting.copenhagen("2026-11-22T09:00"),
                5500,
                CompensationService.AUTOMATIC);
        assertThat(automatic.isNew())
                .as("the automatic grant finds the claim's and does not fail")
                .isFalse();

        String grantedFirst = completedPortIn(customer, "2026-11-20", "2026-11-22T09:00");
        compensations.grant(
                CompensationKind.DELAYED_PORT,
                customer,
                grantedFirst,
                null,
                Porting.copenhagen("2026-11-21T00:00"),
                Porting.copenhagen("2026-11-22T09:00"),
                5500,
                CompensationService.AUTOMATIC);
        claim(body("DELAYED_PORT", customer, grantedFirst, null, null))
                .statusCode(200)
                .body("origin", equalTo("AUTOMATIC"));

        String racing = completedPortIn(customer, "2026-11-20", "2026-11-22T09:00");
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> grant = () -> compensations
                        .grant(
                                CompensationKind.DELAYED_PORT,
                                customer,
                                racing,
                                null,
                                Porting.copenhagen("2026-11-21T00:00"),
                                Porting.copenhagen("2026-11-22T09:00"),
                                5500,
                                CompensationService.AUTOMATIC)
                        .isNew();
                results.add(pool.submit(grant));
            }
            long winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(Porting.compensations(customer)).hasSize(3);
    }

    @Test
    void R_DATA_02_everyClaimIsAuditedWithTheAgentsIdentityRefusedOnesToo() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortIn(customer, "2026-11-20", "2026-11-22T09:00");
        claim(body("DELAYED_PORT", customer, caseId, null, null)).statusCode(201);
        claim(body("WRONGFUL_PORT", customer, caseId, null, null)).statusCode(422);
        Agents.announcedOn(customer)
                .get("/api/v1/customers/{c}/audit", customer)
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("COMPENSATION_CLAIMED", "COMPENSATION_CLAIM_REFUSED")))
                .body("actor", hasItem("agent-client"))
                .body("target", hasItem(caseId));
        given().auth()
                .oauth2(Tokens.customer(customer))
                .get("/api/v1/customers/{c}/audit", customer)
                .then()
                .statusCode(403);
    }

    @Test
    void R_COMP_05_grantedCompensationIsListedForTheCustomerOnly() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortOut(customer, "2026-11-25");
        claim(body("WRONGFUL_PORT", customer, caseId, null, "2026-11-26T10:00")).statusCode(201);
        given().auth()
                .oauth2(Tokens.customer(customer))
                .queryParam("customerId", customer)
                .get("/api/v1/compensations")
                .then()
                .statusCode(200)
                .body("kind", hasItem("WRONGFUL_PORT"))
                .body(
                        "origin",
                        org.hamcrest.Matchers.everyItem(
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("agent"))))
                .body("origin", hasItem("customer service"));
        given().auth()
                .oauth2(Tokens.customer("someone-else"))
                .queryParam("customerId", customer)
                .get("/api/v1/compensations")
                .then()
                .statusCode(404);
    }

    @Test
    void badClaimsNameTheFieldAndOnlyAgentsMayClaim() {
        claim("{\"customerId\":\"c\",\"caseId\":\"x\"}").statusCode(400).body("errors.field", hasItem("kind"));
        given().auth()
                .oauth2(Tokens.customer("c"))
                .contentType(ContentType.JSON)
                .body(body("WRONGFUL_PORT", "c", UUID.randomUUID().toString(), null, null))
                .post("/api/v1/compensations")
                .then()
                .statusCode(403);
    }

    @Test
    void R_DATA_02_aClaimNeedsTheAgentsOpenContactWithTheCustomerAndItsAuditReachesTheSubscriptionService() {
        String customer = "cust-" + UUID.randomUUID();
        String caseId = completedPortIn(customer, "2026-11-20", "2026-11-22T09:00");
        String body = body("DELAYED_PORT", customer, caseId, null, null);
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compensations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("contact-required"));
        String elsewhere = Agents.announce(Agents.DEFAULT_AGENT, "cust-other-" + UUID.randomUUID());
        Agents.within(Agents.DEFAULT_AGENT, elsewhere)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compensations")
                .then()
                .statusCode(403);
        String closed = Agents.announce(Agents.DEFAULT_AGENT, customer);
        Agents.announceClosed(closed, customer);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> Agents.within(Agents.DEFAULT_AGENT, closed)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/v1/compensations")
                        .then()
                        .extract()
                        .asString()
                        .contains("contact-closed"));
        assertThat(Porting.compensations(customer))
                .as("nothing was granted without a contact")
                .isEmpty();
        String contact = Agents.announce(Agents.DEFAULT_AGENT, customer);
        Agents.within(Agents.DEFAULT_AGENT, contact)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/compensations")
                .then()
                .statusCode(201);
        var audit = dk.flyt.testing.KafkaTestClient.bodies(
                dk.flyt.contracts.Topics.PORTING_EVENTS,
                "AuditRecorded",
                customer,
                list -> list.stream().anyMatch(e -> e.get("action").asText().equals("COMPENSATION_CLAIMED")),
                java.time.Duration.ofSeconds(30));
        var claimed = audit.stream()
                .filter(e -> e.get("action").asText().equals("COMPENSATION_CLAIMED"))
                .findFirst()
                .orElseThrow();
        assertThat(claimed.get("contactId").asText()).isEqualTo(contact);
        assertThat(claimed.get("service").asText()).isEqualTo("porting-service");
        assertThat(claimed.get("actor").asText()).isEqualTo(Agents.DEFAULT_AGENT);
    }
}

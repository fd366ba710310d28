package dk.flyt.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dk.flyt.billing.application.Ledger;
import dk.flyt.billing.domain.EntryKind;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.ServiceBasics;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R-DATA-02: who may read an account. Real tokens from the real OIDC server. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class AccountApiTest {
    @Inject
    Ledger ledger;

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get("/api/v1/accounts/{id}", open(0)).then().statusCode(401);
    }

    @Test
    void withARoleThatMayNotReadAccountsTheAnswerIs403() {
        given().auth()
                .oauth2(Tokens.forRole("logistics"))
                .when()
                .get("/api/v1/accounts/{id}", open(0))
                .then()
                .statusCode(403);
    }

    @Test
    void billingAdminsAndAgentsReadAnyAccount() {
        String id = open(-12_50);
        for (String role : new String[] {"billing-admin", "agent"}) {
            (role.equals("agent")
                            ? dk.flyt.testing.Agents.announcedOn(id)
                            : given().auth().oauth2(Tokens.forRole(role)))
                    .when()
                    .get("/api/v1/accounts/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("customerId", equalTo(id))
                    .body("balance", equalTo(-1250))
                    .body("currency", equalTo("DKK"));
        }
    }

    @Test
    void R_DATA_02_theConsolesOverviewIsTheAccountTheLedgerAndTheComplaintsInOneAnswerWithinAContact() {
        String id = open(-12_50);
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .get("/api/v1/accounts/{id}/overview", id)
                .then()
                .statusCode(403)
                .body("errors[0].field", equalTo("Flyt-Contact-Id"));
        String complaint = dk.flyt.testing.Agents.announcedOn(id)
                .contentType("application/json")
                .body(java.util.Map.of("amount", 1000, "reason", "disputed roaming"))
                .post("/api/v1/accounts/{id}/complaints", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        dk.flyt.testing.Agents.announcedOn(id)
                .get("/api/v1/accounts/{id}/overview", id)
                .then()
                .statusCode(200)
                .body("account.balance", equalTo(-1250))
                .body("entries.size()", equalTo(1))
                .body("newSimFee", equalTo(4900))
                .body("complaints.id", org.hamcrest.Matchers.contains(complaint));
        String none = "no-account-" + UUID.randomUUID();
        dk.flyt.testing.Agents.announcedOn(none)
                .get("/api/v1/accounts/{id}/overview", none)
                .then()
                .statusCode(200)
                .body("account", equalTo(null))
                .body("entries.size()", equalTo(0));
    }

    @Test
    void R_DATA_02_everyAgentActionAndReadOnAnAccountIsAuditedWithTheAgent() {
        String id = open(-5_000);
        String agent = "agent-audit-" + UUID.randomUUID().toString().substring(0, 6);
        String contact = dk.flyt.testing.Agents.announce(agent, id);
        dk.flyt.testing.Agents.within(agent, contact)
                .get("/api/v1/accounts/{id}", id)
                .then()
                .statusCode(200);
        dk.flyt.testing.Agents.within(agent, contact)
                .get("/api/v1/accounts/{id}/entries", id)
                .then()
                .statusCode(200);
        dk.flyt.testing.Agents.within(agent, contact)
                .contentType("application/json")
                .body(java.util.Map.of("method", "CARD", "reference", "tok-4242"))
                .put("/api/v1/accounts/{id}/payment-method", id)
                .then()
                .statusCode(204);
        String complaint = dk.flyt.testing.Agents.within(agent, contact)
                .contentType("application/json")
                .body(java.util.Map.of("amount", 1000, "reason", "disputed roaming"))
                .post("/api/v1/accounts/{id}/complaints", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        dk.flyt.testing.Agents.within(agent, contact)
                .post("/api/v1/accounts/{id}/complaints/{c}/acknowledgement", id, complaint)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.customer(id))
                .get("/api/v1/accounts/{id}/complaints", id)
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(complaint));
        dk.flyt.testing.Agents.within(agent, contact)
                .get("/api/v1/complaints/overdue")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.customer(id))
                .get("/api/v1/accounts/{id}", id)
                .then()
                .statusCode(200);
        dk.flyt.testing.Agents.within(agent, contact)
                .get("/api/v1/customers/{id}/audit", id)
                .then()
                .statusCode(200)
                .body(
                        "action",
                        org.hamcrest.Matchers.contains(
                                "ACCOUNT_READ",
                                "LEDGER_READ",
                                "PAYMENT_METHOD_CHANGED",
                                "COMPLAINT_OPENED",
                                "COMPLAINT_ACKNOWLEDGED"))
                .body("actor", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("agent-audit-")));
        dk.flyt.testing.Agents.within(agent, contact)
                .get("/api/v1/customers/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItem("AUDIT_READ"));
        given().auth()
                .oauth2(Tokens.customer(id))
                .get("/api/v1/customers/{id}/audit", id)
                .then()
                .statusCode(403);
    }

    @Test
    void aCustomerReadsTheirOwnAccountButNotAnothersR_DATA_02() {
        String mine = open(100);
        String theirs = open(200);
        given().auth()
                .oauth2(Tokens.customer(mine))
                .when()
                .get("/api/v1/accounts/{id}", mine)
                .then()
                .statusCode(200)
                .body("balance", equalTo(100));
        given().auth()
                .oauth2(Tokens.customer(mine))
                .when()
                .get("/api/v1/accounts/{id}", theirs)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void anUnknownAccountIsAProblemDocument() {
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .when()
                .get("/api/v1/accounts/{id}", "no-such-customer")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://flyt.dk/problems/not-found"))
                .body("instance", equalTo("/api/v1/accounts/no-such-customer"));
    }

    @Test
    void R_CMPL_01_anAgentOpensMarksAndDecidesAComplaintOverTheApiAndAnUpheldOneIsCredited() {
        String id = open(-20_000);
        String agent = "agent-complaint-" + UUID.randomUUID().toString().substring(0, 6);
        String contact = dk.flyt.testing.Agents.announce(agent, id);
        var opened = dk.flyt.testing.Agents.within(agent, contact)
                .contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(java.util.Map.of("amount", 15_000, "reason", "charged twice in November"))
                .post("/api/v1/accounts/{id}/complaints", id)
                .then()
                .statusCode(201)
                .extract();
        String complaint = opened.path("id");
        org.assertj.core.api.Assertions.assertThat(opened.header("Location")).endsWith("/complaints/" + complaint);
        dk.flyt.testing.Agents.within(agent, contact)
                .post("/api/v1/accounts/{id}/complaints/{c}/special", id, complaint)
                .then()
                .statusCode(200)
                .body("special", equalTo(true));
        dk.flyt.testing.Agents.within(agent, contact)
                .contentType("application/json")
                .body(java.util.Map.of("outcome", "UPHELD", "credit", 10_000))
                .post("/api/v1/accounts/{id}/complaints/{c}/decision", id, complaint)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPHELD"));
        given().auth()
                .oauth2(Tokens.customer(id))
                .get("/api/v1/accounts/{id}", id)
                .then()
                .statusCode(200)
                .body("balance", equalTo(-10_000));
        dk.flyt.testing.Agents.within(agent, contact)
                .contentType("application/json")
                .body(java.util.Map.of("outcome", "REJECTED"))
                .post("/api/v1/accounts/{id}/complaints/{c}/decision", id, complaint)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://flyt.dk/problems/complaint-decided"));
    }

    @Test
    void financeReconcilesAMonthAndReadsTheReconciliationAtItsAddress() {
        var started = given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType("application/json")
                .body(java.util.Map.of("month", "2020-01"))
                .post("/api/v1/reconciliations")
                .then()
                .statusCode(201)
                .extract();
        String location = started.header("Location");
        String reconciliation = started.path("id");
        org.assertj.core.api.Assertions.assertThat(location).endsWith("/api/v1/reconciliations/" + reconciliation);
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .get("/api/v1/reconciliations/{id}", reconciliation)
                .then()
                .statusCode(200)
                .body("id", equalTo(reconciliation))
                .body("month", equalTo("2020-01"));
    }

    private String open(long balanceOre) {
        String id = "cust-" + UUID.randomUUID();
        ledger.post(
                id,
                balanceOre >= 0 ? EntryKind.TOP_UP : EntryKind.FEE,
                balanceOre,
                "opening balance for the test",
                "test-opening:" + id,
                null);
        return id;
    }

    @Test
    void theTestClockIsReadAndAdvancedAsDocumented() {
        ServiceBasics.assertClockControl();
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        ServiceBasics.assertOpenEndpoints("/api/v1/accounts/{customerId}");
    }
}

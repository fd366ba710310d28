package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R-DATA-02 across the three services as separate processes: the contact an agent opens on the subscription service
 * lets them work in billing and porting too, refused there without it, and one audit on the subscription service
 * lists what they did everywhere, with the contact.
 */
class AgentContactTest extends OnTheStack {
    @Test
    void R_DATA_02_oneContactCoversTheAgentsWorkInEveryServiceAndOneAuditListsIt() {
        j.freshMonday();
        JsonPath o = j.place(List.of(Journey.newNumber("MOBILE_10GB", 0)));
        String customer = o.getString("customerId");
        Journey.await(() -> j.entries(customer), e -> !e.isEmpty(), "the account is opened");
        j.agent(stack.billing)
                .when()
                .get("/api/v1/accounts/{c}", customer)
                .then()
                .statusCode(403);
        j.agentOn(stack.billing, customer)
                .when()
                .get("/api/v1/accounts/{c}/entries", customer)
                .then()
                .statusCode(200);
        j.agentOn(stack.porting, customer)
                .queryParam("customerId", customer)
                .when()
                .get("/api/v1/compensations")
                .then()
                .statusCode(200);
        List<Map<String, Object>> audit = Journey.await(
                () -> j.agentOn(stack.subscription, customer)
                        .when()
                        .get("/api/v1/customers/{c}/audit", customer)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$"),
                entries -> entries.stream().anyMatch(e -> "billing-adapter".equals(e.get("service")))
                        && entries.stream().anyMatch(e -> "porting-service".equals(e.get("service"))),
                "billing's and porting's entries reach the subscription service");
        assertThat(audit)
                .filteredOn(e -> "LEDGER_READ".equals(e.get("action")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("service")).isEqualTo("billing-adapter");
                    assertThat(e.get("actor")).isEqualTo("agent-client");
                    assertThat(e.get("contactId")).isNotNull();
                });
        assertThat(audit).extracting(e -> e.get("action")).contains("CONTACT_OPENED", "COMPENSATIONS_READ");
    }
}

package dk.flyt.subscription;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.testing.Agents;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's search: an agent finds a customer by CPR, phone number, e-mail, customer id or order id, always in a
 * POST body (R-DATA-01: a CPR number is never in a URL), and each customer found is audited without the query.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class CustomerSearchTest {
    private static JsonPath search(String query) {
        return given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("query", query))
                .when()
                .post("/api/v1/customers/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void R_DATA_01_anAgentFindsACustomerByEachOfWhatTheyMayKnowAndTheFindIsAuditedWithoutTheQuery() {
        String cpr = Shop.cpr();
        String number = Shop.number();
        Map<String, Object> customer = Shop.customer(cpr);
        JsonNode order = Shop.placed(Shop.order(customer, List.of(Shop.portInLine(number, Shop.iccid()))));
        String id = order.get("customerId").asText();
        String email = (String) customer.get("email");
        String local = number.substring(3); // +45XXXXXXXX as the customer says it

        for (String[] q : new String[][] {
            {cpr, "CPR"},
            {cpr.replace("-", ""), "CPR"},
            {local.substring(0, 2) + " " + local.substring(2, 4) + " " + local.substring(4), "NUMBER"},
            {email.toUpperCase(java.util.Locale.ROOT), "EMAIL"},
            {id, "ID"},
            {order.get("id").asText(), "ID"}
        }) {
            JsonPath found = search(q[0]);
            assertThat(found.getList("id", String.class)).as(q[1]).containsExactly(id);
            assertThat(found.getString("[0].matchedBy")).isEqualTo(q[1]);
            assertThat(found.getString("[0].name")).isEqualTo(customer.get("name"));
        }

        List<Map<String, Object>> audit = Agents.on(id)
                .get("/api/v1/customers/{id}/audit", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.action == 'CUSTOMER_FOUND' }");
        assertThat(audit).hasSize(6);
        assertThat(audit)
                .extracting(e -> e.get("reason"))
                .contains("search by CPR", "search by NUMBER", "search by ID");
        assertThat(audit.toString())
                .doesNotContain(cpr)
                .doesNotContain(cpr.replace("-", ""))
                .doesNotContain(email);
    }

    @Test
    void R_DATA_02_aCustomersWholeTimelineIsReadByTheCustomerOrByAnAgentInAContact() {
        JsonNode order = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("BASIC", 0))));
        String id = order.get("customerId").asText();
        List<String> whats = given().auth()
                .oauth2(Tokens.customer(id))
                .get("/api/v1/customers/{id}/timeline", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("what", String.class);
        assertThat(whats).contains("ORDER_PLACED", "ORDER_APPROVED");
        given().auth()
                .oauth2(Tokens.customer("someone-else"))
                .get("/api/v1/customers/{id}/timeline", id)
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(404)));
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .get("/api/v1/customers/{id}/timeline", id)
                .then()
                .statusCode(403);
        assertThat(Agents.on(id)
                        .get("/api/v1/customers/{id}/timeline", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("orderId", String.class))
                .contains(order.get("id").asText());
    }

    @Test
    void R_DATA_01_R_DATA_02_theConsolesOverviewIsOneAnswerWithinAContactWithTheCprMaskedUnlessAReasonIsGiven() {
        JsonNode order = Shop.placed(Shop.order(Shop.customer(Shop.cpr()), List.of(Shop.newLine("BASIC", 0))));
        String id = order.get("customerId").asText();
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .get("/api/v1/customers/{id}/overview", id)
                .then()
                .statusCode(403)
                .body("errors[0].field", equalTo("Flyt-Contact-Id"));
        var overview = Agents.on(id)
                .get("/api/v1/customers/{id}/overview", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(overview.getString("customer.id")).isEqualTo(id);
        assertThat(overview.getBoolean("contact.open")).isTrue();
        assertThat(overview.getString("customer.cpr")).matches("\\d{6}-XXXX");
        assertThat(overview.getList("orders.id", String.class))
                .containsExactly(order.get("id").asText());
        assertThat(overview.getList("subscriptions.orderId", String.class))
                .containsExactly(order.get("id").asText());
        assertThat(overview.getList("timeline.what", String.class)).contains("ORDER_PLACED");
        assertThat(overview.getList("audit.action", String.class)).isNotNull();
        assertThat(overview.getList("plans.code", String.class)).contains("BASIC");
        var revealed = Agents.on(id)
                .header("X-Reveal-Reason", "the customer asked to confirm it")
                .get("/api/v1/customers/{id}/overview", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(revealed.getString("customer.cpr")).matches("\\d{6}-?\\d{4}");
        assertThat(revealed.getList("audit.action", String.class))
                .as("the overview is audited as its parts are")
                .contains("CUSTOMER_READ", "SUBSCRIPTIONS_READ", "ORDERS_READ", "CUSTOMER_TIMELINE_READ");
    }

    @Test
    void nothingFoundIsAnEmptyListAndTextThatIsNoQueryIsA400NamingIt() {
        assertThat(search("nobody-" + System.nanoTime()).getList("$")).isEmpty();
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(Map.of("query", "not a query!"))
                .when()
                .post("/api/v1/customers/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("query"));
    }

    @Test
    void onlyAgentsSearch() {
        for (String role : new String[] {"webshop", "customer", "logistics"}) {
            given().auth()
                    .oauth2(Tokens.forRole(role))
                    .contentType(ContentType.JSON)
                    .body(Map.of("query", "26123456"))
                    .when()
                    .post("/api/v1/customers/search")
                    .then()
                    .statusCode(403);
        }
    }
}

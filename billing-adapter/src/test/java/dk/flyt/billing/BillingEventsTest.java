package dk.flyt.billing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.Topics;
import dk.flyt.contracts.porting.PortingEvents.CompensationGranted;
import dk.flyt.contracts.subscription.SubscriptionEvents.SubscriptionActivated;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Billing learns only from events, over the real broker, and books each once. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class BillingEventsTest {
    @Inject
    ObjectMapper json;

    private void send(String topic, String type, String key, String eventId, Object payload) throws Exception {
        KafkaTestClient.send(
                topic,
                key,
                json.writeValueAsString(payload),
                Map.of(
                        "ce_specversion", "1.0",
                        "ce_id", eventId,
                        "ce_type", type,
                        "ce_source", "/test",
                        "content-type", "application/json"));
    }

    @Test
    void R_COMP_05_R_BILL_03_aCompensationIsCreditedToTheAccountOnceEvenWhenRedelivered() throws Exception {
        String customer = "cust-" + UUID.randomUUID();
        String subscription = "sub-" + UUID.randomUUID();
        send(
                Topics.SUBSCRIPTION_EVENTS,
                "SubscriptionActivated",
                subscription,
                UUID.randomUUID().toString(),
                new SubscriptionActivated(
                        subscription,
                        customer,
                        "+4591000001",
                        "8945010000000000001",
                        "MOBILE_10GB",
                        9900,
                        LocalDate.parse("2026-11-09"),
                        null));
        String eventId = UUID.randomUUID().toString();
        CompensationGranted granted = new CompensationGranted(
                UUID.randomUUID().toString(), customer, "DELAYED_PORT", 5500, "case-1", "+4591000001");
        send(Topics.PORTING_EVENTS, "CompensationGranted", granted.compensationId(), eventId, granted);
        send(Topics.PORTING_EVENTS, "CompensationGranted", granted.compensationId(), eventId, granted);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth()
                                .oauth2(Tokens.forRole("agent"))
                                .get("/api/v1/accounts/{c}/entries", customer)
                                .then()
                                .extract()
                                .statusCode()
                        == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !given().auth()
                .oauth2(Tokens.forRole("agent"))
                .get("/api/v1/accounts/{c}/entries", customer)
                .then()
                .extract()
                .jsonPath()
                .getList("kind")
                .isEmpty());
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> true);
        List<String> kinds = given().auth()
                .oauth2(Tokens.customer(customer))
                .get("/api/v1/accounts/{c}/entries", customer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("kind");
        assertThat(kinds).containsExactly("COMPENSATION");
        given().auth()
                .oauth2(Tokens.customer(customer))
                .get("/api/v1/accounts/{c}", customer)
                .then()
                .statusCode(200)
                .body("balance", equalTo(5500));
    }
}

package dk.flyt.billing.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.billing.domain.EntryKind;
import dk.flyt.billing.provider.SimulatedPaymentProvider;
import dk.flyt.contracts.BusinessTime;
import dk.flyt.contracts.Topics;
import dk.flyt.platform.time.MutableClock;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.KafkaTestClient;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Collection against the real database and broker, the payment provider simulated. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class CollectionsTest {
    @Inject
    Collections collections;

    @Inject
    Ledger ledger;

    @Inject
    SimulatedPaymentProvider provider;

    @Inject
    MutableClock clock;

    @BeforeEach
    void firstOfNovember() {
        clock.set(LocalDateTime.parse("2026-11-01T10:00")
                .atZone(BusinessTime.ZONE)
                .toInstant());
    }

    private String account(String paymentRef, long debitOre) {
        String customer = "cust-" + UUID.randomUUID();
        ledger.open(customer);
        if (paymentRef != null) {
            given().auth()
                    .oauth2(Tokens.customer(customer))
                    .contentType(ContentType.JSON)
                    .body("{\"method\":\"CARD\",\"reference\":\"" + paymentRef + "\"}")
                    .put("/api/v1/accounts/{c}/payment-method", customer)
                    .then()
                    .statusCode(204);
        }
        ledger.post(customer, EntryKind.FEE, -debitOre, "a fee", "test-fee:" + customer, null);
        return customer;
    }

    /** The account's collection events in order; the bookings' {@code EntryPosted} facts are left out. */
    private List<String> events(String customer, String untilType) {
        return KafkaTestClient.readUntil(
                        Topics.BILLING_EVENTS,
                        r -> customer.equals(r.key()) && untilType.equals(KafkaTestClient.header(r, "ce_type")),
                        Duration.ofSeconds(30))
                .stream()
                .filter(r -> customer.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, "ce_type"))
                .filter(type -> !"EntryPosted".equals(type))
                .toList();
    }

    @Test
    void R_BILL_04_withAutomaticPaymentANegativeBalanceIsToppedUpToPlus100Kroner() {
        String ref = "card-" + UUID.randomUUID();
        String customer = account(ref, 9900);

        collections.sweep();
        collections.sweep();

        assertThat(ledger.balance(customer)).isEqualTo(10_000);
        assertThat(provider.taken(ref)).as("taken once, though swept twice").isEqualTo(19_900);
    }

    @Test
    void R_BILL_04_R_BILL_05_aDeclinedPaymentSwitchesToManualAndBlockingIsAllowedAfter8Days() {
        String customer = account("declined-" + UUID.randomUUID(), 9900);

        collections.sweep();
        assertThat(events(customer, "NegativeBalanceNotice")).containsExactly("PaymentFailed", "NegativeBalanceNotice");

        clock.advance(Duration.ofDays(8));
        collections.sweep();
        clock.advance(Duration.ofDays(1));
        collections.sweep();
        collections.sweep();
        assertThat(events(customer, "BlockingAllowed"))
                .containsExactly("PaymentFailed", "NegativeBalanceNotice", "BlockingAllowed");
        assertThat(ledger.balance(customer)).isEqualTo(-9900);
    }

    @Test
    void R_BILL_05_belowMinus500KronerBlockingIsAllowedAtOnce() {
        String customer = account(null, 60_000);
        collections.sweep();
        assertThat(events(customer, "BlockingAllowed")).containsExactly("NegativeBalanceNotice", "BlockingAllowed");
    }

    @Test
    void R_CMPL_01_anAmountUnderComplaintIsNotCollected() {
        String ref = "card-" + UUID.randomUUID();
        String customer = account(null, 9900);
        dk.flyt.testing.Agents.announcedOn(customer)
                .contentType(ContentType.JSON)
                .body("{\"complaintId\":\"c-" + customer + "\",\"amount\":9900}")
                .post("/api/v1/accounts/{c}/disputes", customer)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.customer(customer))
                .contentType(ContentType.JSON)
                .body("{\"method\":\"MOBILEPAY\",\"reference\":\"" + ref + "\"}")
                .put("/api/v1/accounts/{c}/payment-method", customer)
                .then()
                .statusCode(204);

        collections.sweep();
        assertThat(provider.taken(ref))
                .as("nothing taken while the complaint runs")
                .isZero();

        dk.flyt.testing.Agents.announcedOn(customer)
                .post("/api/v1/accounts/{c}/disputes/{id}/resolution", customer, "c-" + customer)
                .then()
                .statusCode(204);
        collections.sweep();
        assertThat(provider.taken(ref)).as("collectible again once decided").isEqualTo(19_900);
    }

    @Test
    void R_BILL_06_aReminderAndThenADebtCollectionWarningEachCost100Kroner() {
        String customer = account(null, 9900);
        collections.sweep();
        clock.advance(Duration.ofDays(14));
        collections.sweep();
        collections.sweep();
        assertThat(events(customer, "ReminderSent")).endsWith("ReminderSent");
        assertThat(ledger.balance(customer)).isEqualTo(-9900 - 10_000);

        clock.advance(Duration.ofDays(10));
        collections.sweep();
        collections.sweep();
        assertThat(events(customer, "DebtCollectionWarningSent"))
                .containsExactly(
                        "NegativeBalanceNotice", "BlockingAllowed", "ReminderSent", "DebtCollectionWarningSent");
        assertThat(ledger.balance(customer)).isEqualTo(-9900 - 10_000 - 10_000);
    }

    @Test
    void badPaymentMethodsAreRefusedNamingTheField() {
        String customer = account(null, 0);
        given().auth()
                .oauth2(Tokens.customer(customer))
                .contentType(ContentType.JSON)
                .body("{\"method\":\"CHEQUE\",\"reference\":\"x\"}")
                .put("/api/v1/accounts/{c}/payment-method", customer)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("method"));
    }
}

package dk.flyt.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Charge runs over HTTP: only billing admins start them, progress is visible, a month runs once (R-BILL-08). */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class ChargeRunApiTest {
    @Inject
    BillingDriver billing;

    @Test
    void R_BILL_08_aBillingAdminStartsARunAndWatchesItFinishAndASecondStartIsTheSameRun() {
        billing.at("2032-01-01T03:00");
        String location = given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2032-01\"}")
                .when()
                .post("/api/v1/charge-runs")
                .then()
                .statusCode(202)
                .body("month", equalTo("2032-01"))
                .extract()
                .header("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> "FINISHED"
                .equals(given().auth()
                        .oauth2(Tokens.forRole("billing-admin"))
                        .get(location)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status")));
        String id = given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .get(location)
                .then()
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2032-01\"}")
                .post("/api/v1/charge-runs")
                .then()
                .statusCode(202)
                .body("id", equalTo(id))
                .body("status", equalTo("FINISHED"));
    }

    @Test
    void onlyBillingAdminsStartRunsAndTheMonthMustBeReadableAndBegun() {
        billing.at("2032-01-15T12:00");
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2032-02\"}")
                .post("/api/v1/charge-runs")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://flyt.dk/problems/month-not-begun"));
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2030-02\"}")
                .post("/api/v1/charge-runs")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.forRole("billing-admin"))
                .contentType(ContentType.JSON)
                .body("{\"month\":\"2030-13\"}")
                .post("/api/v1/charge-runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("month"));
    }
}

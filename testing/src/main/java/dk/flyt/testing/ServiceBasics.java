package dk.flyt.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What every service offers without a token: health, metrics and its OpenAPI document. */
public final class ServiceBasics {

    /** Asserts the open endpoints answer and the OpenAPI document lists {@code expectedPath}. */
    public static void assertOpenEndpoints(String expectedPath) {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("flyt_outbox_pending"))
                .body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("paths", org.hamcrest.Matchers.hasKey(expectedPath));
    }

    private ServiceBasics() {}
}

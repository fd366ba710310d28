package dk.flyt.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What every service offers without a token: health, metrics and its OpenAPI document. */
public final class ServiceBasics {

    /**
     * Asserts the open endpoints answer on the management interface, and the OpenAPI document lists {@code
     * expectedPath}; with a management interface, none of them is on the application port.
     */
    public static void assertOpenEndpoints(String expectedPath) {
        Management.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/live").then().statusCode(200);
        Management.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("flyt_outbox_pending"))
                .body(containsString("jvm_memory_used_bytes"));
        Management.given()
                .accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("paths", org.hamcrest.Matchers.hasKey(expectedPath));
        if (org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.enabled", Boolean.class)
                .orElse(false)) {
            for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi"}) {
                io.restassured.RestAssured.given().when().get(path).then().statusCode(404);
            }
        }
    }

    /**
     * The test clock's three operations answer as documented: read, set to where it is, and advanced by nothing (so
     * the other tests' time does not move).
     */
    public static void assertClockControl() {
        String now = io.restassured.RestAssured.given()
                .auth()
                .oauth2(Tokens.forRole("clock-admin"))
                .get("/api/v1/clock")
                .then()
                .statusCode(200)
                .extract()
                .path("now");
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(Tokens.forRole("clock-admin"))
                .contentType("application/json")
                .body(java.util.Map.of("by", "PT0S"))
                .post("/api/v1/clock/advance")
                .then()
                .statusCode(200)
                .body("now", org.hamcrest.Matchers.notNullValue());
        org.assertj.core.api.Assertions.assertThat(now).isNotBlank();
    }

    private ServiceBasics() {}
}

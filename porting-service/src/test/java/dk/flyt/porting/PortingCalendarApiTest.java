package dk.flyt.porting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.ServiceBasics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public porting calendar, without a token. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class PortingCalendarApiTest {

    @Test
    void R_PORT_02_earliestAsapDate() {
        given().queryParam("shippedOn", "2026-12-19")
                .queryParam("mode", "ASAP")
                .when()
                .get("/api/v1/porting-calendar/earliest-port-date")
                .then()
                .statusCode(200)
                .body("earliestPortDate", equalTo("2026-12-28"));
    }

    @Test
    void R_PORT_03_earliestEndOfTermDate() {
        given().queryParam("shippedOn", "2026-11-02")
                .queryParam("mode", "END_OF_TERM")
                .queryParam("termEndsOn", "2026-12-04")
                .when()
                .get("/api/v1/porting-calendar/earliest-port-date")
                .then()
                .statusCode(200)
                .body("earliestPortDate", equalTo("2026-12-07"));
    }

    @Test
    void R_CAL_01_R_CAL_03_workingDaysOverChristmas() {
        given().queryParam("from", "2026-12-21")
                .queryParam("to", "2027-01-04")
                .when()
                .get("/api/v1/porting-calendar/working-days")
                .then()
                .statusCode(200)
                .body(
                        "workingDays",
                        contains(
                                "2026-12-21",
                                "2026-12-22",
                                "2026-12-23",
                                "2026-12-28",
                                "2026-12-29",
                                "2026-12-30",
                                "2027-01-04"));
    }

    @Test
    void aWholeYearIsAllowed() {
        given().queryParam("from", "2028-01-01")
                .queryParam("to", "2028-12-31")
                .when()
                .get("/api/v1/porting-calendar/working-days")
                .then()
                .statusCode(200)
                .body("workingDays", hasSize(253));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "shippedOn=2026-13-01&mode=ASAP | shippedOn",
                "mode=ASAP | shippedOn",
                "shippedOn=2026-11-02&mode=SOON | mode",
                "shippedOn=2026-11-02 | mode",
                "shippedOn=2026-11-02&mode=END_OF_TERM | termEndsOn",
                "shippedOn=2026-11-02&mode=END_OF_TERM&termEndsOn=yesterday | termEndsOn",
                "shippedOn=%2B999999999-12-31&mode=ASAP | shippedOn",
                "shippedOn=1899-12-31&mode=ASAP | shippedOn",
                "shippedOn=2026-11-02&mode=END_OF_TERM&termEndsOn=2201-01-01 | termEndsOn"
            })
    void badEarliestPortDateQueriesNameTheParameter(String query, String field) {
        given().when()
                .get("/api/v1/porting-calendar/earliest-port-date?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://flyt.dk/problems/invalid-request"))
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "from=2026-12-31&to=2026-12-01 | to",
                "from=2026-01-01&to=2027-01-02 | to",
                "from=2026-02-30&to=2026-03-01 | from",
                "from=2026-01-01 | to"
            })
    void badWorkingDayQueriesNameTheParameter(String query, String field) {
        given().when()
                .get("/api/v1/porting-calendar/working-days?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void theTestClockIsReadAndAdvancedAsDocumented() {
        ServiceBasics.assertClockControl();
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        ServiceBasics.assertOpenEndpoints("/api/v1/porting-calendar/earliest-port-date");
    }
}

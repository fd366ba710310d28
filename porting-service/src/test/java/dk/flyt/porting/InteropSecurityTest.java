package dk.flyt.porting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hub's way in: only operators, and each only as itself. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class InteropSecurityTest {

    private static String message(String id, String sender) {
        return """
                {"version":1,"messageId":"%s","kind":"PORTING_REQUEST","sender":"%s","recipient":"FLYT",
                 "dossierId":"d-%s","number":"+4500000009","iccid":"8945010000000000009"}""".formatted(id, sender, id);
    }

    @Test
    void anOperatorCannotPostAsAnotherOperator() {
        given().auth()
                .oauth2(Tokens.operator("TELIA"))
                .contentType(ContentType.JSON)
                .body(message(UUID.randomUUID().toString(), "TDC"))
                .when()
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sender"));
    }

    @Test
    void onlyOperatorsMayPost() {
        given().contentType(ContentType.JSON)
                .body(message("m1", "TDC"))
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(message("m2", "TDC"))
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(403);
    }

    @Test
    void aMessageIsAcknowledgedOnceAndItsRepeatIsRecognised() {
        String id = "TELIA-" + UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.operator("TELIA"))
                .contentType(ContentType.JSON)
                .body(message(id, "TELIA"))
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(202)
                .body("duplicate", equalTo(false));
        given().auth()
                .oauth2(Tokens.operator("TELIA"))
                .contentType(ContentType.JSON)
                .body(message(id, "TELIA"))
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(202)
                .body("duplicate", equalTo(true));
    }

    @Test
    void anUnreadableMessageIsA400NamingTheField() {
        given().auth()
                .oauth2(Tokens.operator("TELIA"))
                .contentType(ContentType.JSON)
                .body("{\"version\":1,\"messageId\":\"x\",\"kind\":\"TELEPORT\",\"sender\":\"TELIA\"}")
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }
}

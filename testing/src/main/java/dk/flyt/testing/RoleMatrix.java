package dk.flyt.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.contracts.Roles;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The role matrix of a service (the security issue), generated from its own OpenAPI document: every operation must
 * have an entry, and every entry must be an operation, so a new endpoint without one fails the test. Each operation
 * is called without a token (401, or anything but 401/403 when public) and with a token of every role (403 for a
 * role not allowed; never 401 or 403 for one allowed: whatever the business answer, the door let it in; an agent's
 * 403 {@code contact-required} is the next door, R-DATA-02). Path
 * parameters are fresh ids and bodies are empty objects, so no call changes anything that exists.
 */
public final class RoleMatrix {
    /** Anyone, without a token. */
    public static final Set<String> PUBLIC = Set.of();

    private static final ObjectMapper JSON = new ObjectMapper();

    private RoleMatrix() {}

    /** {@code expected}: "METHOD /path/{param}" to the roles that may call it ({@link #PUBLIC} for anyone). */
    public static void verify(Map<String, Set<String>> expected) {
        Set<String> documented = operations();
        assertThat(documented)
                .as("every endpoint has an entry in the role matrix, and every entry is an endpoint")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> wrong = new ArrayList<>();
        for (String operation : documented) {
            Set<String> allowed = expected.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            int anonymous = call(method, path, null);
            if (allowed.isEmpty() ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(operation + " without a token answered " + anonymous);
            }
            for (String role : Roles.ALL) {
                io.restassured.response.Response answer = answer(method, path, tokenFor(role));
                int status = answer.statusCode();
                boolean mayCall = allowed.isEmpty() || allowed.contains(role);
                // an agent let in by the role still needs a contact with the customer (R-DATA-02): that 403 is the
                // next door, not this one
                boolean contactRequired = status == 403
                        && role.equals(Roles.AGENT)
                        && answer.asString().contains("contact-required");
                if (mayCall ? status == 401 || (status == 403 && !contactRequired) : status != 403) {
                    wrong.add(operation + " as " + role + " answered " + status
                            + (mayCall ? " (the role is allowed)" : " (expected 403)"));
                }
                if (status >= 500) {
                    wrong.add(operation + " as " + role + " answered " + status);
                }
            }
        }
        assertThat(wrong).as("answers that break the role matrix").isEmpty();
    }

    private static String tokenFor(String role) {
        return switch (role) {
            case Roles.CUSTOMER -> Tokens.customer("probe-customer");
            case Roles.NP_OPERATOR -> Tokens.operator("PROBE");
            default -> Tokens.forRole(role);
        };
    }

    private static int call(String method, String template, String token) {
        return answer(method, template, token).statusCode();
    }

    private static io.restassured.response.Response answer(String method, String template, String token) {
        String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(method, path).then().extract().response();
    }

    /** "METHOD /path" for every operation of the service's OpenAPI document. */
    public static Set<String> operations() {
        String body = Management.given()
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Set<String> operations = new TreeSet<>();
        try {
            JsonNode paths = JSON.readTree(body).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String m = methods.next();
                    if (Set.of("get", "post", "put", "patch", "delete").contains(m)) {
                        operations.add(m.toUpperCase() + " " + path.getKey());
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return operations;
    }
}

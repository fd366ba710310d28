package dk.flyt.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gateway's {@code /q/openapi} over the three running services: one document with every path the gateway routes,
 * each documented by the service that serves it, and nothing it does not route.
 */
class GatewayOpenApiTest {
    @Test
    void oneDocumentHasEveryRoutedPathOfTheThreeServicesAndNoTestClock() throws java.io.IOException {
        FlytStack stack = FlytStack.get();
        String text = given().baseUri(stack.gateway.url())
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // kept for .ci/lint-contracts, which lints it with the services' own documents
        java.nio.file.Path stored = java.nio.file.Path.of("target/openapi/flyt-api.json");
        java.nio.file.Files.createDirectories(stored.getParent());
        java.nio.file.Files.writeString(stored, text);
        JsonPath doc = JsonPath.from(text);
        Set<String> paths = doc.<String, Object>getMap("paths").keySet();
        assertThat(doc.getList("x-flyt-missing"))
                .as("every service's document was read")
                .isNull();
        assertThat(paths)
                .contains(
                        "/api/v1/orders",
                        "/api/v1/customers/{customerId}/contacts",
                        "/api/v1/port-ins",
                        "/api/v1/porting-calendar/working-days",
                        "/api/v1/charge-runs")
                .noneMatch(p -> p.startsWith("/api/v1/clock") || p.startsWith("/api/v1/dead-letters"))
                .allMatch(p -> p.startsWith("/api/"));
        for (String service : new String[] {"subscription", "porting", "billing"}) {
            Map<String, Object> own = given().baseUri((service.equals("subscription")
                                    ? stack.subscription
                                    : service.equals("porting") ? stack.porting : stack.billing)
                            .managementUrl())
                    .accept("application/json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("paths");
            assertThat(paths)
                    .as("%s's routed paths are all in the merged document", service)
                    .containsAll(own.keySet().stream()
                            .filter(p -> !p.startsWith("/api/v1/clock") && !p.startsWith("/api/v1/dead-letters"))
                            .toList());
        }
        assertThat(doc.getString("servers[0].url")).isEqualTo(stack.gateway.url());
    }
}

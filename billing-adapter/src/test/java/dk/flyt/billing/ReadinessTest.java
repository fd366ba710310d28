package dk.flyt.billing;

import static org.awaitility.Awaitility.await;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Servers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Readiness follows the database: DOWN while it is away, UP again when it is back. */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class ReadinessTest {
    @Test
    void readinessFollowsTheDatabase() {
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
        Servers.stopPostgres();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 503);
        } finally {
            Servers.startPostgres();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);
    }

    private static int readiness() {
        return dk.flyt.testing.Management.given()
                .when()
                .get("/q/health/ready")
                .then()
                .extract()
                .statusCode();
    }
}

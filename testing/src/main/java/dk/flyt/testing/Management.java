package dk.flyt.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the service's management interface ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}): a
 * port of its own when {@code quarkus.management.enabled} (the services), else the application port.
 */
public final class Management {
    /** A request to the management interface of the service under test. */
    public static RequestSpecification given() {
        var config = ConfigProvider.getConfig();
        boolean enabled = config.getOptionalValue("quarkus.management.enabled", Boolean.class)
                .orElse(false);
        if (!enabled) {
            return RestAssured.given();
        }
        int port = config.getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
        return RestAssured.given().port(port);
    }

    private Management() {}
}

package dk.flyt.porting;

import dk.flyt.hubsim.HubSimulator;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Servers;
import dk.flyt.testing.Tokens;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** The hub simulator of this test JVM, on the port the test resource reserved and the service is configured with. */
final class PortingTestHub {
    private static HubSimulator simulator;

    static synchronized HubSimulator get() {
        if (simulator == null) {
            int port = Integer.getInteger(FlytTestResource.SIMULATOR_PORT);
            simulator = new HubSimulator(
                            URI.create("http://localhost:" + RestAssured.port),
                            operator -> Tokens.token("operator-" + operator, operator, "np-operator"),
                            "FLYT")
                    .verifyTokens(URI.create(Servers.oidcIssuer()), "FLYT");
            try {
                simulator.start(port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return simulator;
    }

    private PortingTestHub() {}
}

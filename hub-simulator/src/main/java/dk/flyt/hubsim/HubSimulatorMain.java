package dk.flyt.hubsim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the hub simulator on its own, for local runs:
 * {@code java -cp ... dk.flyt.hubsim.HubSimulatorMain <port> <flyt-porting-url> <oidc-token-endpoint> [<issuer>]}.
 * With an issuer, Flyt's requests must carry a token of that issuer with operator id {@code FLYT}.
 * Operators' tokens come from the token endpoint with the client-credentials grant, client id
 * {@code operator-<id>}, and the parameters {@code roles=np-operator} and {@code operator_id=<id>} (the test OIDC
 * provider honours them; a Keycloak realm gives each operator client those claims by mappers instead).
 */
public final class HubSimulatorMain {
    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: HubSimulatorMain <port> <flyt-porting-url> <oidc-token-endpoint> [<issuer>]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        URI flyt = URI.create(args[1]);
        URI tokenEndpoint = URI.create(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Map<String, String> tokens = new ConcurrentHashMap<>();
        HubSimulator simulator = new HubSimulator(
                flyt,
                operator -> tokens.computeIfAbsent(operator, op -> {
                    String form = "grant_type=client_credentials&client_secret=secret&client_id="
                            + URLEncoder.encode("operator-" + op, StandardCharsets.UTF_8)
                            + "&roles=np-operator&operator_id=" + URLEncoder.encode(op, StandardCharsets.UTF_8);
                    try {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(tokenEndpoint)
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(form))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return json.readTree(r.body()).get("access_token").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException("no token for operator " + op, e);
                    }
                }),
                "FLYT");
        if (args.length == 4) {
            simulator.verifyTokens(URI.create(args[3]), "FLYT");
        }
        simulator.start(port);
        System.out.println("Hub simulator listening on " + simulator.url() + ", delivering to " + flyt);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }

    private HubSimulatorMain() {}
}

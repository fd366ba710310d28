package dk.flyt.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tokens from the local Keycloak realm {@code flyt}: machine roles by the client-credentials grant (client named
 * after the role, secret {@code <client>-secret}), people (the agent and the two customers) by the password grant
 * of the public {@code flyt-cli} client. For local runs only: these secrets are in the repository on purpose.
 */
public final class KeycloakTokens {
    public static final Set<String> MACHINE_ROLES =
            Set.of("webshop", "logistics", "billing-admin", "network", "clock-admin");
    public static final Map<String, String> PEOPLE = Map.of(
            "agent", "00000000-0000-4000-8000-00000000a6e7",
            "karen", "11111111-1111-4111-8111-111111111111",
            "lars", "22222222-2222-4222-8222-222222222222");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;

    public KeycloakTokens(String issuer) {
        this.issuer = issuer;
    }

    /** A token for a machine role, a person (agent, karen, lars) or another operator ({@code operator-TELIA}). */
    public String token(String who) {
        if (MACHINE_ROLES.contains(who)) {
            return clientCredentials(who, who + "-secret");
        }
        if (who.startsWith("operator-")) {
            return clientCredentials(who, who.toLowerCase() + "-secret");
        }
        if (PEOPLE.containsKey(who)) {
            return password("flyt-cli", who, who);
        }
        throw new IllegalArgumentException("no such role, person or operator: " + who + "; try one of " + MACHINE_ROLES
                + ", " + PEOPLE.keySet() + ", operator-TELIA");
    }

    /** A person's token by the password grant of a public client. */
    public String password(String client, String username, String password) {
        return request(
                Map.of("grant_type", "password", "client_id", client, "username", username, "password", password));
    }

    public String clientCredentials(String client, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    private String request(Map<String, String> form) {
        String body = new LinkedHashMap<>(form)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

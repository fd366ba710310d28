package dk.flyt.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the test OIDC provider, fetched with the client-credentials grant as a machine client would.
 * The subject is the client id; roles and operator id become the {@code groups} and {@code operator_id} claims.
 */
public final class Tokens {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    /** A token with one role, for a client named after it. */
    public static String forRole(String role) {
        return token(role + "-client", null, role);
    }

    /** A customer's token: the subject is the customer id. */
    public static String customer(String customerId) {
        return token(customerId, null, "customer");
    }

    /** Another operator's token on the porting hub. */
    public static String operator(String operatorId) {
        return token("operator-" + operatorId, operatorId, "np-operator");
    }

    /** A token for any subject, operator id (may be null) and roles (may be none). */
    public static String token(String subject, String operatorId, String... roles) {
        String key = subject + "|" + operatorId + "|" + String.join(",", roles);
        return CACHE.computeIfAbsent(key, k -> fetch(subject, operatorId, roles));
    }

    /** A token that is right in every way but its audience. */
    public static String withAudience(String role, String audience) {
        return fetch(Servers.oidcIssuer(), role + "-client", Map.of("roles", role, "audience", audience));
    }

    /** A token that expired an hour ago. */
    public static String expired(String role) {
        // the provider signs with the wall clock, so the expiry is on the wall clock too
        long anHourAgo = java.time.Clock.systemUTC().instant().getEpochSecond() - 3600;
        return fetch(
                Servers.oidcIssuer(), role + "-client", Map.of("roles", role, "expires_at", String.valueOf(anHourAgo)));
    }

    /** A token of another issuer on the same provider (its own keys and {@code iss}). */
    public static String fromOtherIssuer(String role) {
        String issuer = Servers.oidcIssuer();
        return fetch(issuer.substring(0, issuer.lastIndexOf('/')) + "/other", role + "-client", Map.of("roles", role));
    }

    /** The {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String fetch(String subject, String operatorId, String... roles) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("roles", String.join(",", roles));
        if (operatorId != null) {
            params.put("operator_id", operatorId);
        }
        return fetch(Servers.oidcIssuer(), subject, params);
    }

    private static String fetch(String issuer, String subject, Map<String, String> params) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials&client_secret=secret");
        form.append("&client_id=").append(enc(subject));
        params.forEach((k, v) -> form.append('&').append(k).append('=').append(enc(v)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token request failed: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("token request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Tokens() {}
}

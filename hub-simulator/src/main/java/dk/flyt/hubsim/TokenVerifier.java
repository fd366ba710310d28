package dk.flyt.hubsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the bearer token on a request to the hub as the real hub does: an RS256 JWT signed by a key of the
 * issuer's JWKS, issued by that issuer, not expired, and carrying the operator id the sender claims
 * ({@code operator_id}). Only the JDK: discovery and JWKS over HTTP, the RSA key from its modulus and exponent.
 */
public final class TokenVerifier {
    /** Why a token was refused: 401 (not a valid token) or 403 (valid, but not that operator's). */
    public record Refusal(int status, String reason) {}

    private final URI issuer;
    private final String operator;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /**
     * @param issuer the identity provider whose tokens the hub trusts
     * @param operator the operator id a token must carry
     */
    public TokenVerifier(URI issuer, String operator) {
        this.issuer = issuer;
        this.operator = operator;
    }

    /** Null when the {@code Authorization} header carries a valid token of the operator; the refusal otherwise. */
    public Refusal check(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return new Refusal(401, "missing bearer token");
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return new Refusal(401, "not a JWT");
        }
        try {
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!"RS256".equals(header.path("alg").asText())) {
                return new Refusal(401, "not RS256");
            }
            PublicKey key = key(header.path("kid").asText(null));
            if (key == null) {
                return new Refusal(401, "unknown signing key");
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return new Refusal(401, "bad signature");
            }
            if (!issuer.toString().equals(claims.path("iss").asText())) {
                return new Refusal(401, "wrong issuer");
            }
            if (claims.path("exp").asLong(0) * 1000 < clock.millis()) {
                return new Refusal(401, "expired");
            }
            if (!operator.equals(claims.path("operator_id").asText(null))) {
                return new Refusal(403, "not a token of operator " + operator);
            }
            return null;
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            return new Refusal(401, "unreadable token");
        }
    }

    private PublicKey key(String kid) throws java.io.IOException, GeneralSecurityException {
        PublicKey known = kid == null ? null : keys.get(kid);
        if (known != null) {
            return known;
        }
        JsonNode discovery = get(URI.create(issuer + "/.well-known/openid-configuration"));
        JsonNode jwks = get(URI.create(discovery.path("jwks_uri").asText()));
        PublicKey found = null;
        for (JsonNode k : jwks.path("keys")) {
            if (!"RSA".equals(k.path("kty").asText())) {
                continue;
            }
            PublicKey p = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(
                            new BigInteger(
                                    1, Base64.getUrlDecoder().decode(k.path("n").asText())),
                            new BigInteger(
                                    1, Base64.getUrlDecoder().decode(k.path("e").asText()))));
            String id = k.path("kid").asText("");
            keys.put(id, p);
            if (kid == null || kid.equals(id)) {
                found = p;
            }
        }
        return found;
    }

    private JsonNode get(URI uri) throws java.io.IOException {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return json.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException(e);
        }
    }
}

package dk.flyt.testing.oidc;

import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * Shapes tokens the way Flyt's identity provider does. A client-credentials request names the subject as
 * {@code client_id} (for a customer that is the customer id), and may add {@code roles} (comma separated) and
 * {@code operator_id}; the token carries them as the {@code groups} and {@code operator_id} claims, audience
 * {@code flyt}. For tests of token validation a request may also name another {@code audience}, or an
 * {@code expires_at} (epoch seconds) in the past.
 */
final class FlytTokenCallback implements OAuth2TokenCallback {
    private final String issuerId;

    FlytTokenCallback(String issuerId) {
        this.issuerId = issuerId;
    }

    @Override
    public String issuerId() {
        return issuerId;
    }

    @Override
    public String subject(TokenRequest request) {
        ClientID client = request.getClientID() != null
                ? request.getClientID()
                : request.getClientAuthentication().getClientID();
        return client.getValue();
    }

    @Override
    public String typeHeader(TokenRequest request) {
        return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest request) {
        List<String> audience = request.getCustomParameters().get("audience");
        return audience == null || audience.isEmpty() ? List.of("flyt") : List.of(audience.get(0));
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
        Map<String, List<String>> params = request.getCustomParameters();
        Map<String, Object> claims = new LinkedHashMap<>();
        List<String> roles = params.getOrDefault("roles", List.of()).stream()
                .flatMap(r -> Arrays.stream(r.split(",")))
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .toList();
        claims.put("groups", roles);
        List<String> operator = params.get("operator_id");
        if (operator != null && !operator.isEmpty()) {
            claims.put("operator_id", operator.get(0));
        }
        List<String> expiresAt = params.get("expires_at");
        if (expiresAt != null && !expiresAt.isEmpty()) {
            long exp = Long.parseLong(expiresAt.get(0));
            claims.put("exp", exp);
            claims.put("iat", exp - 3600);
            claims.put("nbf", exp - 3600);
        }
        return claims;
    }

    @Override
    public long tokenExpiry() {
        return 3600;
    }
}

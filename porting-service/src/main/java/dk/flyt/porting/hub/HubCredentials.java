package dk.flyt.porting.hub;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Our access token for the hub, by the OIDC client-credentials grant ({@code quarkus.oidc-client.*}): fetched when
 * first needed, kept until shortly before it expires, fetched again after the hub refused it. Without a token
 * nothing is sent: a request never goes out unauthenticated.
 */
@ApplicationScoped
public class HubCredentials {
    private final OidcClient client;
    private volatile Tokens tokens;

    public HubCredentials(OidcClient client) {
        this.client = client;
    }

    /** A valid access token; {@link HubClient.HubUnavailable} when the token endpoint cannot give one now. */
    public String accessToken() throws HubClient.HubUnavailable {
        Tokens t = tokens;
        if (t == null || t.isAccessTokenExpired() || t.isAccessTokenWithinRefreshInterval()) {
            synchronized (this) {
                t = tokens;
                if (t == null || t.isAccessTokenExpired() || t.isAccessTokenWithinRefreshInterval()) {
                    try {
                        t = client.getTokens().await().atMost(Duration.ofSeconds(10));
                    } catch (RuntimeException e) {
                        throw new HubClient.HubUnavailable(
                                "no access token for the hub: " + e.getClass().getSimpleName());
                    }
                    tokens = t;
                }
            }
        }
        return t.getAccessToken();
    }

    /** The hub refused the token (401): the next call fetches a new one. */
    public void forget() {
        tokens = null;
    }
}

package dk.flyt.porting.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * In production the hub link must be private and authenticated: the hub URL is https and the OIDC client that gets
 * our hub token has a client id and a secret. A production start without them is refused, so a misconfigured
 * deployment never sends porting messages in the clear or unauthenticated.
 */
@ApplicationScoped
public class HubLinkCheck {
    void refuseAnUnsafeHubLinkInProduction(@Observes StartupEvent event, PortingConfig config) {
        if (!dk.flyt.platform.time.Profiles.isProduction()) {
            return;
        }
        var c = ConfigProvider.getConfig();
        List<String> problems = problems(
                config.hub().url(),
                c.getOptionalValue("quarkus.oidc-client.client-id", String.class),
                c.getOptionalValue("quarkus.oidc-client.credentials.secret", String.class)
                        .or(() ->
                                c.getOptionalValue("quarkus.oidc-client.credentials.client-secret.value", String.class))
                        .or(() -> c.getOptionalValue("quarkus.oidc-client.credentials.jwt.secret", String.class))
                        .or(() -> c.getOptionalValue("quarkus.oidc-client.credentials.jwt.key-file", String.class)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the hub link's settings; empty when nothing is. */
    static List<String> problems(String hubUrl, Optional<String> clientId, Optional<String> credential) {
        List<String> problems = new ArrayList<>();
        URI url;
        try {
            url = URI.create(hubUrl);
        } catch (IllegalArgumentException e) {
            url = null;
        }
        if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            problems.add("flyt.porting.hub.url must be an https URL (FLYT_HUB_URL)");
        }
        if (clientId.filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("quarkus.oidc-client.client-id is required for the hub token (FLYT_HUB_CLIENT_ID)");
        }
        if (credential.filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("a credential for the hub token is required: quarkus.oidc-client.credentials.secret"
                    + " (FLYT_HUB_CLIENT_SECRET) or a JWT credential");
        }
        return problems;
    }
}

package dk.flyt.testing.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * Runs the OIDC provider on loopback. Argument: the port. The issuer is {@code http://127.0.0.1:<port>/flyt}.
 * The process ends when its standard input closes, so it dies with the JVM that started it.
 */
public final class OidcServerMain {
    public static final String ISSUER_ID = "flyt";

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: OidcServerMain <port>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        OAuth2Config config = new OAuth2Config(
                false, null, null, false, new OAuth2TokenProvider(), Set.of(new FlytTokenCallback(ISSUER_ID)));
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(InetAddress.getLoopbackAddress(), port);
        System.out.println("OIDC issuer ready: " + server.issuerUrl(ISSUER_ID));
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // the parent never writes; end of stream means it is gone
            }
        } catch (IOException ignored) {
            // the pipe is broken: the parent is gone
        }
        Runtime.getRuntime().halt(0);
    }

    private OidcServerMain() {}
}

package dk.flyt.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real OIDC provider (discovery, JWKS, RS256 tokens) in a child JVM on loopback. Issuer:
 * {@code http://127.0.0.1:<port>/flyt}.
 */
public final class OidcServer implements TestServer {
    private final int port = Ports.free();
    private final ChildJvm jvm;

    OidcServer(Path workDirectory) {
        this.jvm = new ChildJvm(
                "OIDC",
                "flyt-oidc-server.classpath",
                "dk.flyt.testing.oidc.OidcServerMain",
                List.of(String.valueOf(port)),
                workDirectory.resolve("oidc.log"));
    }

    @Override
    public String name() {
        return "OIDC";
    }

    @Override
    public void start() {
        jvm.start();
        awaitReady(Duration.ofSeconds(60));
    }

    @Override
    public void stop() {
        jvm.stop();
    }

    @Override
    public boolean isRunning() {
        return jvm.isAlive();
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/flyt";
    }

    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("OIDC server exited; see " + jvm.log());
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            KafkaServer.sleep(100);
        }
        throw new IllegalStateException("OIDC server not ready within " + timeout + "; see " + jvm.log());
    }
}

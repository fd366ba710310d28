package dk.flyt.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keycloak from its distribution ({@code kc.sh start-dev}) on loopback with the {@code flyt} realm imported: the
 * OIDC provider of the local stack, and of the tests that log in through it as a person would. Keycloak imports a
 * realm only when it does not exist, so a realm file that differs from the last one imported starts its store
 * afresh.
 */
public final class KeycloakServer implements AutoCloseable {
    private final Path home;
    private final int port;
    private final Path log;
    private Process process;
    private boolean closed;

    public KeycloakServer(Path home, int port, Path log) {
        this.home = home;
        this.port = port;
        this.log = log;
    }

    /** The realm file the local stack imports (the console's addresses are those of a gateway on 8080). */
    public static byte[] localRealm() {
        try (var in = KeycloakServer.class.getResourceAsStream("/keycloak/flyt-realm.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local realm for a gateway on {@code gatewayPort}: the console's redirect and logout addresses moved there. */
    public static byte[] realmFor(int gatewayPort) {
        return new String(localRealm(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("127.0.0.1:8080/", "127.0.0.1:" + gatewayPort + "/")
                .replace("localhost:8080/", "localhost:" + gatewayPort + "/")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/flyt";
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Whether the store was recreated because the realm file changed. */
    public boolean start(byte[] realm, Duration timeout) {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " is missing: bin/flyt run (or the build) fetches it");
        }
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Path imported = imports.resolve("flyt-realm.json");
            boolean recreated = false;
            if (Files.isRegularFile(imported) && !Arrays.equals(Files.readAllBytes(imported), realm)) {
                deleteTree(home.resolve("data/h2"));
                recreated = true;
            }
            Files.write(imported, realm);
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment()
                    .put(
                            "JAVA_HOME",
                            Path.of(ProcessHandle.current().info().command().orElseThrow())
                                    .getParent()
                                    .getParent()
                                    .toString());
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("Keycloak was stopped while it started");
                }
                process = pb.start();
            }
            awaitReady(timeout);
            return recreated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ServiceProcess.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + log);
    }

    /** Stops Keycloak and every process it started, and waits until they are gone. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (process == null) {
                return;
            }
        }
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
            for (ProcessHandle child : children) {
                child.onExit().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException ignored) {
            // it is gone
        }
    }

    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}

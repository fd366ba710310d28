package dk.flyt.system;

import dk.flyt.local.KeycloakServer;
import dk.flyt.local.KeycloakTokens;
import dk.flyt.local.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The local stack exactly as {@code bin/flyt run} starts it (PostgreSQL, Kafka, Keycloak with the local realm, the hub
 * and partner simulators, the three services and the gateway), with every port moved by {@code flyt.console.offset}
 * (by default the first of 20000, 10000, 30000 whose ports are all free: the gateway on 28080) and its data in {@code target/console-stack}, started afresh. For the tests that log in
 * as a person, through Keycloak's own login page, and use the console.
 */
final class ConsoleStack implements AutoCloseable {
    private static ConsoleStack instance;

    final LocalStack stack;
    final KeycloakTokens tokens;
    final Path state;

    /** The one console stack of this test JVM, started on first use; {@link StackShutdownTest} stops it. */
    static synchronized ConsoleStack get() {
        if (instance == null) {
            instance = new ConsoleStack();
        }
        return instance;
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.close();
        }
    }

    private ConsoleStack() {
        Path root = Path.of("").toAbsolutePath().getParent();
        state = root.resolve("system-tests/target/console-stack");
        int offset = Integer.getInteger("flyt.console.offset", freeOffset());
        try {
            // the store of an earlier run is not this run's
            KeycloakServer.deleteTree(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = new LocalStack(root, state, offset, Path.of(System.getProperty("flyt.keycloak.home")));
        // whatever happens to this JVM or to the start, nothing started here outlives it
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "console-stack-stop"));
        long begin = System.nanoTime();
        try {
            stack.start();
        } catch (IOException | RuntimeException e) {
            stack.stop();
            throw new IllegalStateException("the console stack did not start; see " + state.resolve("logs"), e);
        }
        tokens = new KeycloakTokens(stack.issuer());
        System.out.printf(
                "[console-stack] ready in %d ms: gateway %s, Keycloak %s%n",
                (System.nanoTime() - begin) / 1_000_000, stack.gatewayUrl(), stack.keycloakUrl());
    }

    /** The local stack's ports, before the offset (the management ports are the services' plus 1000). */
    private static final int[] PORTS = {
        5433, 9092, 9093, 8180, 8090, 8091, 2525, 8080, 8081, 8082, 8083, 9081, 9082, 9083
    };

    /**
     * The first of 20000, 10000 and 30000 at which every port of the stack is free: another build's console stack, or
     * anything else, may hold the first.
     */
    private static int freeOffset() {
        for (int offset : new int[] {20000, 10000, 30000}) {
            boolean free = true;
            for (int port : PORTS) {
                try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                    s.bind(new java.net.InetSocketAddress("127.0.0.1", port + offset));
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return offset;
            }
        }
        throw new IllegalStateException("no free ports for the console stack at offsets 20000, 10000 or 30000");
    }

    String gateway() {
        return stack.gatewayUrl();
    }

    String issuer() {
        return stack.issuer();
    }

    /** The Keycloak admin's token (master realm). */
    String adminToken() {
        return new KeycloakTokens(stack.keycloakUrl() + "/realms/master").password("admin-cli", "admin", "admin");
    }

    @Override
    public void close() {
        stack.stop();
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Flyt service as its own operating-system process: the packaged {@code quarkus-run.jar}, started with the
 * addresses of the stack, its output in {@code target/system-tests/<name>.log}. {@link #kill()} is a hard kill
 * (SIGKILL), as when a node dies.
 */
public final class ServiceProcess {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> properties, Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = properties.containsKey(MANAGEMENT_PORT)
                ? Integer.parseInt(properties.get(MANAGEMENT_PORT))
                : listeningPort();
        this.properties = properties;
        this.log = logDirectory.resolve(name + ".log");
    }

    /**
     * The JVM's own options. By default a small heap and the first JIT tier only, which starts fastest and is enough
     * for a demo or a test; a benchmark asks for the full JIT, as production runs.
     */
    public synchronized ServiceProcess jvmOptions(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    private List<String> jvmOptions = List.of("-Xmx320m", "-XX:TieredStopAtLevel=1");
    private final Map<String, String> environment = new java.util.HashMap<>();

    /** An environment variable for the process (a benchmark's {@code MALLOC_ARENA_MAX}, say); blank: none. */
    public synchronized ServiceProcess environment(String key, String value) {
        if (value == null || value.isBlank()) {
            environment.remove(key);
        } else {
            environment.put(key, value);
        }
        return this;
    }

    private Path java;
    private Path directory;
    private List<String> entrypointOptions = List.of();

    /**
     * Runs the service as its container image would: with the image's Java runtime ({@code java}), in its working
     * directory, with its entrypoint's JVM options before this process's own (the system tests with -Pimages).
     */
    public synchronized ServiceProcess runtime(Path java, Path directory, List<String> entrypointOptions) {
        this.java = java;
        this.directory = directory;
        this.entrypointOptions = List.copyOf(entrypointOptions);
        return this;
    }

    /** Sets a system property for the next start (a restart that resumes the business time, say). */
    public synchronized void property(String key, String value) {
        properties.put(key, value);
    }

    public String name() {
        return name;
    }

    /** The public port: the APIs. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}, never on the public port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The system property naming the management port; without it a free port is taken. */
    public static final String MANAGEMENT_PORT = "quarkus.management.port";

    private static final int LISTENING_FROM = 23_000;
    private static final int LISTENING_PORTS = 2_000;
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(LISTENING_PORTS));

    /**
     * A free port for a server of a test or a local run to listen on, from 23000-24999: below the range the kernel
     * hands out as the local ports of outgoing connections (32768 and up on Linux), where a port found free by binding
     * to port 0 may be taken by any client's connection before the server binds it (it happened: a service of the
     * system tests could not start); and clear of the local stack's ports, moved by 10000, 20000 or 30000.
     */
    public static int listeningPort() {
        for (int tries = 0; tries < LISTENING_PORTS; tries++) {
            int port = LISTENING_FROM + Math.floorMod(NEXT_PORT.getAndIncrement(), LISTENING_PORTS);
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // the next one
            }
        }
        throw new IllegalStateException(
                "no free port from " + LISTENING_FROM + " to " + (LISTENING_FROM + LISTENING_PORTS));
    }

    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        List<String> command = new ArrayList<>();
        command.add(
                java != null
                        ? java.toString()
                        : ProcessHandle.current().info().command().orElse("java"));
        command.addAll(entrypointOptions);
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-D" + MANAGEMENT_PORT + "=" + managementPort);
        properties.forEach((k, v) -> {
            if (!k.equals(MANAGEMENT_PORT)) {
                command.add("-D" + k + "=" + v);
            }
        });
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until the service answers ready (database and broker reachable). */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hooks, no graceful close, as a crashed node. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** SIGTERM, then SIGKILL if it does not end in 15 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                waitFor(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dk.flyt.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.local.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The services' container images (built by {@code -Pimages} into {@code <service>/target/container-image.tar}),
 * unpacked layer by layer into {@code system-tests/target/images/<service>/rootfs}, so that the system tests run each
 * service from its image: the image's Java runtime (jlink, {@code /opt/java}), the application as Jib laid it out in
 * the working directory, the entrypoint's JVM options. What the image promises is checked first: a non-root user (185,
 * as the Deployments run it), {@code java -jar quarkus-run.jar} in {@code /deployments}, the API and management ports.
 * The C library is this machine's: the image carries the same Debian libc6 package's files.
 */
final class ContainerImages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContainerImages() {}

    /** Whether the build made images ({@code -Pimages} sets {@code flyt.images}). */
    static boolean built() {
        return Boolean.getBoolean("flyt.images");
    }

    /** A service's image, unpacked: its runtime, its working directory, its entrypoint's JVM options, its jar. */
    record Unpacked(Path java, Path directory, List<String> options, Path jar) {}

    /** A service process: from its image when the build made images, else from its packaged jar. */
    static ServiceProcess process(
            Path repository, Path logs, String module, int port, java.util.Map<String, String> p) {
        if (!built()) {
            return new ServiceProcess(module, dk.flyt.local.ServiceSettings.jar(repository, module), port, p, logs);
        }
        Unpacked image = unpack(repository, module);
        return new ServiceProcess(module, image.jar(), port, p, logs)
                .runtime(image.java(), image.directory(), image.options());
    }

    /** Unpacks the service's image and checks its configuration. */
    static Unpacked unpack(Path repository, String module) {
        Path image = repository.resolve(module).resolve("target/container-image.tar");
        if (!Files.isRegularFile(image)) {
            throw new IllegalStateException(image + " is missing: build with -Pimages");
        }
        Path dir = repository.resolve("system-tests/target/images").resolve(module);
        Path rootfs = dir.resolve("rootfs");
        try {
            deleteRecursively(dir);
            Files.createDirectories(rootfs);
            tar("-xf", image.toString(), "-C", dir.toString());
            JsonNode manifest =
                    JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
            for (JsonNode layer : manifest.get("Layers")) {
                tar("-xzf", dir.resolve(layer.asText()).toString(), "-C", rootfs.toString());
            }
            JsonNode config = JSON.readTree(
                            dir.resolve(manifest.get("Config").asText()).toFile())
                    .get("config");
            String tag = manifest.get("RepoTags").get(0).asText();
            require(tag.startsWith("flyt/" + module + ":"), module + ": tagged " + tag);
            require("185".equals(config.path("User").asText()), module + ": runs as " + config.path("User"));
            require("/deployments".equals(config.path("WorkingDir").asText()), module + ": works in " + config);
            require(
                    config.path("ExposedPorts").has("8080/tcp")
                            && config.path("ExposedPorts").has("9000/tcp"),
                    module + ": exposes " + config.path("ExposedPorts"));
            List<String> entrypoint = new ArrayList<>();
            config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
            int jar = entrypoint.indexOf("-jar");
            require(
                    !entrypoint.isEmpty()
                            && "java".equals(entrypoint.getFirst())
                            && jar > 0
                            && "quarkus-run.jar".equals(entrypoint.get(jar + 1)),
                    module + ": entrypoint " + entrypoint);
            Path java = rootfs.resolve("opt/java/bin/java");
            Path work = rootfs.resolve("deployments");
            require(Files.isExecutable(java), module + ": no /opt/java/bin/java in the image");
            require(Files.isRegularFile(work.resolve("quarkus-run.jar")), module + ": no quarkus-run.jar");
            return new Unpacked(java, work, entrypoint.subList(1, jar), work.resolve("quarkus-run.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("the container image is not as the manifests expect: " + what);
        }
    }

    private static void tar(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

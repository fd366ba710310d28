package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.testing.ContractCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract tests' coverage, after every module's tests ran (surefire runs this class after the others of this
 * module, alphabetically, and Maven builds this module after the services): every operation of the three services'
 * OpenAPI documents was called by some test and answered with success at least once, each call checked against the
 * document ({@link ContractCalls}); and every request body has an example. Prints the count of checked calls per
 * service and operation.
 */
class TestedContractsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("subscription-service", "porting-service", "billing-adapter");
    private static final String MERGED = "Flyt API";

    private final Path root = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyOperationOfEveryServiceWasCalledAndAnsweredWithSuccessByATest() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (String module :
                List.of("subscription-service", "porting-service", "billing-adapter", "messaging", "system-tests")) {
            Path dir = root.resolve(module).resolve(ContractCalls.DIRECTORY);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(logs::add);
                }
            }
        }
        assumeTrue(
                SERVICES.stream()
                        .allMatch(s -> Files.isDirectory(root.resolve(s).resolve(ContractCalls.DIRECTORY))),
                "the services' own tests did not run in this build (a partial build): nothing to count");
        List<String[]> calls = new ArrayList<>();
        for (Path log : logs) {
            for (String line : Files.readAllLines(log)) {
                String[] parts = line.split("\t");
                if (parts.length == 3) {
                    calls.add(parts);
                }
            }
        }
        List<String> uncovered = new ArrayList<>();
        int total = 0;
        for (String service : SERVICES) {
            JsonNode doc = document(service);
            String title = doc.path("info").path("title").asText();
            Map<String, int[]> counts = new TreeMap<>();
            operations(doc).forEach(op -> counts.put(op, new int[2]));
            for (String[] call : calls) {
                int[] c = counts.get(call[1]);
                if (c != null && (call[0].equals(title) || call[0].equals(MERGED))) {
                    c[0]++;
                    if (call[2].startsWith("2")) {
                        c[1]++;
                    }
                }
            }
            int calledHere = counts.values().stream().mapToInt(c -> c[0]).sum();
            total += calledHere;
            System.out.printf("[contract] %s: %d operations, %d checked calls%n", service, counts.size(), calledHere);
            counts.forEach((op, c) -> {
                System.out.printf("[contract]   %-70s %5d calls, %4d with success%n", op, c[0], c[1]);
                if (c[1] == 0) {
                    uncovered.add(service + ": " + op + (c[0] == 0 ? " (never called)" : " (never with success)"));
                }
            });
        }
        System.out.printf("[contract] %d calls checked against the OpenAPI documents in all%n", total);
        assertThat(uncovered)
                .as("operations no test called with success; each is checked against its document when it is")
                .isEmpty();
    }

    @Test
    void everyRequestBodyHasAnExampleAndEveryOperationAnId() {
        List<String> missing = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode doc = document(service);
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String name = service + ": " + op.getKey().toUpperCase() + " " + path.getKey();
                    if (!op.getValue().hasNonNull("operationId")) {
                        missing.add(name + " has no operationId");
                    }
                    JsonNode body = op.getValue().path("requestBody");
                    if (!body.isMissingNode() && !hasExample(doc, body)) {
                        missing.add(name + " has no example of its body");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static boolean hasExample(JsonNode doc, JsonNode body) {
        for (JsonNode media : body.path("content")) {
            if (media.has("example") || media.has("examples")) {
                return true;
            }
            JsonNode schema = media.path("schema");
            String ref = schema.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                schema = doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            }
            if (schema.has("examples") || schema.has("example")) {
                return true;
            }
        }
        return false;
    }

    private JsonNode document(String service) {
        Path file = root.resolve(service).resolve("target/openapi/openapi.json");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the stored OpenAPI document " + file + " (built by the service's package)", e);
        }
    }

    private static List<String> operations(JsonNode doc) {
        List<String> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(m)) {
                    ops.add(m.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return ops;
    }
}

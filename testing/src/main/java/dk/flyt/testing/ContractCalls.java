package dk.flyt.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds every REST Assured call of the tests to the OpenAPI document of the service it calls: the answer must be one
 * the document describes (status, headers, body against its schema; a problem's {@code type} among those listed), and
 * a request that succeeded must be one the document allows (a request a test sends wrong on purpose is refused by
 * the service, and that refusal is what is checked). A call to a path of no operation fails, unless the answer is
 * the 404/405 such a path gets.
 *
 * <p>Each checked call is written to {@code target/contract-calls/} of the module (the document's title, {@code
 * METHOD path-template} and the status, tab-separated), where the system tests' {@code TestedContractsTest} counts
 * them against every operation of the services. The document of
 * an origin is its {@code /q/openapi}, or what {@link #documentAt} names (a packaged service serves it on its
 * management port). Installed for every {@code @QuarkusTest} ({@link ContractCallsInstaller}) and by the system
 * tests' stack; {@code -Dflyt.contract-calls=off} leaves a module out (the gateway's tests, whose upstreams are
 * fakes).
 */
public final class ContractCalls implements Filter {
    public static final String DIRECTORY = "target/contract-calls";
    private static final ContractCalls INSTANCE = new ContractCalls();
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an error answer of the document lists its problem types in (the platform's ProblemResponses). */
    static final String PROBLEM_TYPES = "x-problem-types";

    private final Map<String, Optional<Contract>> contracts = new ConcurrentHashMap<>();
    private final Path log = Path.of(DIRECTORY, "calls-" + UUID.randomUUID() + ".txt");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The validator logs, for every call, that it does not check OpenID Connect tokens (the services do that): kept
     * here so that its level holds.
     */
    private static final java.util.logging.Logger VALIDATOR_LOG = quiet("com.atlassian.oai.validator");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private ContractCalls() {}

    /** Checks every REST Assured call from now on (once per class loader; idempotent). */
    public static synchronized void install() {
        if ("off".equals(System.getProperty("flyt.contract-calls"))) {
            return;
        }
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    /** The OpenAPI document of {@code origin} ({@code http://host:port}) is at {@code url}. */
    public static void documentAt(String origin, String url) {
        DOCUMENTS.put(origin(URI.create(origin)), url);
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        String method = request.getMethod();
        if (uri.getRawPath() == null
                || !uri.getRawPath().startsWith("/api/")
                || method.equals("OPTIONS")
                || method.equals("HEAD")) {
            return answer;
        }
        Optional<Contract> contract = contracts.computeIfAbsent(origin(uri), this::load);
        if (contract.isEmpty()) {
            return answer;
        }
        // the services answer a path with a trailing slash as the path without it
        String path = uri.getRawPath().length() > 1 && uri.getRawPath().endsWith("/")
                ? uri.getRawPath().substring(0, uri.getRawPath().length() - 1)
                : uri.getRawPath();
        contract.get().check(request, answer, path, log);
        return answer;
    }

    private Optional<Contract> load(String origin) {
        String url = DOCUMENTS.getOrDefault(origin, origin + "/q/openapi");
        try {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                HttpResponse<String> doc = http.send(
                        HttpRequest.newBuilder(URI.create(url + "?format=json"))
                                .header("Accept", "application/json")
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (doc.statusCode() != 200) {
                    // not a Flyt service (a simulator, the OIDC provider): nothing to hold its answers to
                    return Optional.empty();
                }
                // the gateway names the services whose documents it could not read yet (one still starting)
                if (!JSON.readTree(doc.body()).has("x-flyt-missing") || System.nanoTime() > until) {
                    return Optional.of(new Contract(doc.body()));
                }
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String host = "localhost".equals(uri.getHost()) ? "127.0.0.1" : uri.getHost();
        return uri.getScheme() + "://" + host + ":" + port;
    }

    /** One service's document: its validator and its operations' path templates. */
    static final class Contract {
        private final OpenApiInteractionValidator validator;
        private final String title;
        private final List<Operation> operations = new ArrayList<>();

        Contract(String document) {
            this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    // a tolerant reader: a service ignores request fields it does not know (README, Contracts);
                    // its answers, though, hold exactly the fields the document names
                    .withLevelResolver(LevelResolver.create()
                            .withLevel(
                                    "validation.request.body.schema.additionalProperties",
                                    ValidationReport.Level.IGNORE)
                            // the validator (2.46.1) reads an OpenAPI 3.1 array query parameter
                            // (?status=A&status=B) as JSON and fails on every value; the services take no JSON
                            // in a parameter, and check the values themselves
                            .withLevel("validation.request.parameter.schema.invalidJson", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            try {
                JsonNode doc = JSON.readTree(document);
                title = doc.path("info").path("title").asText();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                doc.path("paths").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> path = it.next();
                    path.getValue().fields().forEachRemaining(m -> {
                        if (List.of("get", "put", "post", "delete", "patch").contains(m.getKey())) {
                            operations.add(new Operation(
                                    m.getKey().toUpperCase(),
                                    path.getKey(),
                                    m.getValue().path("responses")));
                        }
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // a literal segment wins over a parameter (/customers/search before /customers/{customerId})
            operations.sort(java.util.Comparator.comparingLong(
                    o -> o.template().chars().filter(c -> c == '{').count()));
        }

        void check(FilterableRequestSpecification request, Response answer, String path, Path log) {
            String method = request.getMethod();
            int status = answer.statusCode();
            Optional<Operation> operation = operations.stream()
                    .filter(o -> o.method().equals(method) && o.matches(path))
                    .findFirst();
            if (operation.isEmpty()) {
                if (status == 404 || status == 405) {
                    return;
                }
                throw new AssertionError(
                        title + " has no operation " + method + " " + path + ", yet it answered " + status);
            }
            List<String> problems = new ArrayList<>();
            ValidationReport response = validator.validateResponse(
                    path,
                    com.atlassian.oai.validator.model.Request.Method.valueOf(method),
                    RestAssuredResponse.of(answer));
            problems.addAll(messages("answer", response));
            if (status >= 200 && status < 300) {
                problems.addAll(messages("request", validator.validateRequest(RestAssuredRequest.of(request))));
            }
            JsonNode types =
                    operation.get().responses().path(String.valueOf(status)).path(PROBLEM_TYPES);
            if (status >= 400 && types.isArray()) {
                String type = problemType(answer);
                boolean listed = false;
                for (JsonNode t : types) {
                    listed |= t.asText().equals(type);
                }
                if (!listed) {
                    problems.add("answer: the problem type " + type + " is not among the " + status + " answer's types "
                            + types);
                }
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(method + " " + path + " answered " + status + ", which " + title
                        + "'s OpenAPI document does not describe:\n  "
                        + String.join("\n  ", problems) + "\n  body: " + abbreviate(answer.asString()));
            }
            record(log, title + "\t" + method + " " + operation.get().template() + "\t" + status);
        }

        private static String problemType(Response answer) {
            try {
                return JSON.readTree(answer.asString()).path("type").asText(null);
            } catch (IOException notJson) {
                return null;
            }
        }

        private static List<String> messages(String what, ValidationReport report) {
            return report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> what + ": " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.toList());
        }

        private static String abbreviate(String body) {
            return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
        }
    }

    record Operation(String method, String template, Pattern pattern, JsonNode responses) {
        Operation(String method, String template, JsonNode responses) {
            this(method, template, Pattern.compile(template.replaceAll("\\{[^/}]+}", "[^/]+")), responses);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }

    private static synchronized void record(Path log, String line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

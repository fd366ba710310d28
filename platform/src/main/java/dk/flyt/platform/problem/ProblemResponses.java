package dk.flyt.platform.problem;

import dk.flyt.platform.idempotency.IdempotencyFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every service's OpenAPI document with its error answers, as the code gives them: each operation documents
 * the statuses every endpoint can answer (400 for a bad parameter or body, 401/403 when it needs a token, 404 for an
 * unknown id in the path, 415 for a body that is not JSON, 500, and the gateway's 429/503/504), and every 4xx/5xx
 * answer is {@code application/problem+json} with the {@code Problem} schema, and lists the problem {@code type}s it
 * may carry (in its description, and as {@value #TYPES} for programs).
 *
 * <p>An endpoint declares the problems only it answers on the method: {@code @Extension(name =
 * ProblemResponses.CONFLICT, value = "not-active,transfer-pending")} (slugs, comma-separated); the types every answer
 * of that status carries ({@link #COMMON}) are added. Registered for every service by {@code mp.openapi.filter} in
 * the platform's defaults.
 */
public class ProblemResponses implements OASFilter {
    /** An operation's extension that names the problem types of one status, {@code x-problems-409}. */
    public static final String PREFIX = "x-problems-";

    /**
     * The extension of an error answer that lists every problem {@code type} (URI) it may carry; the contract tests
     * hold each answer's type to it.
     */
    public static final String TYPES = "x-problem-types";

    public static final String FORBIDDEN = PREFIX + "403";
    /** For an operation whose 404 does not come from a path parameter (an unknown id in the query); no value. */
    public static final String NOT_FOUND = PREFIX + "404";

    public static final String CONFLICT = PREFIX + "409";
    public static final String UNPROCESSABLE = PREFIX + "422";
    public static final String UNAVAILABLE = PREFIX + "503";

    /** The types any answer of a status may carry, whatever the endpoint. */
    static final Map<String, List<String>> COMMON = Map.ofEntries(
            Map.entry("400", List.of("invalid-request")),
            Map.entry("403", List.of("forbidden")),
            Map.entry("404", List.of("not-found")),
            Map.entry("409", List.of("concurrent-change")),
            Map.entry("413", List.of("body-too-large")),
            Map.entry("415", List.of("unsupported-media-type")),
            Map.entry("422", List.of()),
            Map.entry("429", List.of("too-many-requests")),
            Map.entry("500", List.of("internal-error")),
            Map.entry("503", List.of("upstream-unavailable", "temporarily-unavailable")),
            Map.entry("504", List.of("upstream-timeout")));

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "A parameter or a field of the body is not valid; errors names each"),
            Map.entry("401", "No valid bearer token"),
            Map.entry("403", "The token's roles or owner may not do this"),
            Map.entry("404", "Not found, or not the caller's to see"),
            Map.entry("409", "The resource is not in a state that allows this"),
            Map.entry("413", "The body is larger than the service accepts"),
            Map.entry("415", "The body is not application/json"),
            Map.entry("422", "The request breaks a business rule"),
            Map.entry(
                    "429",
                    "Over the caller's limit of requests a minute at the gateway; Retry-After says when to try again"),
            Map.entry("500", "An unexpected failure; nothing was changed"),
            Map.entry(
                    "503",
                    "The gateway cannot reach the service, or the service cannot reach its database for a moment;"
                            + " Retry-After says when to send the request again"),
            Map.entry(
                    "504",
                    "The service did not answer the gateway in time; the request may or may not have been carried out"
                            + " (retry with the same Idempotency-Key where the operation takes one)"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean pathParameters = path.getKey().contains("{");
            for (Operation operation : path.getValue().getOperations().values()) {
                complete(operation, pathParameters);
            }
        }
    }

    private static void complete(Operation operation, boolean pathParameters) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, Set<String>> declared = declared(operation);
        boolean hasParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            // readable without a token, said explicitly
            operation.setSecurity(new ArrayList<>());
        }
        if (hasParameters || hasBody) {
            ensure(responses, "400");
        }
        if (hasBody) {
            ensure(responses, "413");
            ensure(responses, "415");
        }
        if (hasParameters) {
            idempotencyKey(operation, declared);
        }
        if (secured) {
            ensure(responses, "401");
            ensure(responses, "403");
            boolean agents = operation.getSecurity().stream()
                    .flatMap(r -> r.getSchemes().values().stream())
                    .anyMatch(roles -> roles != null && roles.contains("agent"));
            if (agents) {
                // an agent works on a customer's data only within an open contact (ContactGuard)
                declared.computeIfAbsent("403", k -> new LinkedHashSet<>())
                        .addAll(List.of("contact-required", "contact-closed"));
            }
        }
        for (String status : declared.keySet()) {
            ensure(responses, status);
        }
        if (pathParameters) {
            ensure(responses, "404");
        }
        // what the gateway, the one way in, answers by itself
        ensure(responses, "429");
        ensure(responses, "500");
        ensure(responses, "503");
        ensure(responses, "504");
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(sorted);
        for (Map.Entry<String, APIResponse> answer : sorted.entrySet()) {
            String status = answer.getKey();
            APIResponse response = answer.getValue();
            if (response.getDescription() == null
                    || response.getDescription().isBlank()
                    || response.getDescription().equals("Not Authorized")
                    || response.getDescription().equals("Not Allowed")
                    || response.getDescription().equals("Bad Request")) {
                response.setDescription(DESCRIPTIONS.getOrDefault(status, response.getDescription()));
            }
            if (status.startsWith("4") && !status.equals("401") || status.startsWith("5")) {
                document(response, status, declared.getOrDefault(status, Set.of()));
            }
        }
    }

    /** An operation that takes an Idempotency-Key: the header's schema, and the problems a reused key gives. */
    private static void idempotencyKey(Operation operation, Map<String, Set<String>> declared) {
        for (Parameter p : operation.getParameters()) {
            if (IdempotencyFilter.HEADER.equals(p.getName()) && p.getIn() == Parameter.In.HEADER) {
                if (p.getSchema() == null) {
                    p.setSchema(OASFactory.createSchema()
                            .addType(Schema.SchemaType.STRING)
                            .minLength(1)
                            .maxLength(100)
                            .pattern(IdempotencyFilter.KEY_PATTERN));
                }
                declared.computeIfAbsent("422", k -> new LinkedHashSet<>()).add("idempotency-key-reused");
                declared.computeIfAbsent("409", k -> new LinkedHashSet<>()).add("idempotent-request-in-progress");
            }
        }
    }

    private static void ensure(APIResponses responses, String status) {
        if (!DESCRIPTIONS.containsKey(status)) {
            throw new IllegalStateException("no description for status " + status);
        }
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status)));
        }
    }

    /** The problem types the operation declares by status, taken out of its extensions. */
    private static Map<String, Set<String>> declared(Operation operation) {
        Map<String, Set<String>> declared = new TreeMap<>();
        if (operation.getExtensions() == null) {
            return declared;
        }
        for (Map.Entry<String, Object> e : Map.copyOf(operation.getExtensions()).entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                Set<String> slugs =
                        declared.computeIfAbsent(e.getKey().substring(PREFIX.length()), k -> new LinkedHashSet<>());
                for (String slug : String.valueOf(e.getValue()).split(",")) {
                    if (!slug.isBlank()) {
                        slugs.add(slug.strip());
                    }
                }
                operation.removeExtension(e.getKey());
            }
        }
        return declared;
    }

    /** The problem+json content of an error answer, its type enumerated. */
    private static void document(APIResponse response, String status, Set<String> declared) {
        Set<String> slugs = new LinkedHashSet<>(COMMON.getOrDefault(status, List.of()));
        slugs.addAll(declared);
        List<String> types = slugs.stream().map(Problem::type).toList();
        if (!types.isEmpty()) {
            response.addExtension(TYPES, types);
            response.setDescription(response.getDescription() + ". Problem types: " + String.join(", ", slugs));
        }
        response.setContent(OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem"))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document; type is stable per kind of error")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .description("The kind of error, " + Problem.TYPE_BASE + "<slug>"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .description("Each field that is wrong")
                                .items(OASFactory.createSchema().ref("FieldError")));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addRequired("field")
                .addRequired("message")
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The field's path in the request, e.g. customer.cpr, or a parameter's"
                                        + " name"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}

package dk.flyt.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem document: the client's mistakes into 4xx naming the field, our own
 * into a 500 with an error id to quote, never a stack trace.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail =
                errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(new Problem(
                Problem.type("invalid-request"),
                "The request is not valid",
                400,
                "Invalid: " + detail,
                path(uri),
                errors));
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        ValueInstantiationException.class
    })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        if (field.equals("body")
                && e instanceof com.fasterxml.jackson.core.exc.StreamReadException s
                && s.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
            // a number out of range and the like: the parser still knows which field it was reading
            try {
                String name = parser.currentName();
                if (name != null) {
                    field = name;
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // the parser is closed: the field stays "body"
            }
        }
        String message = "is not readable as the expected JSON";
        if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class) {
            message = dk.flyt.platform.json.BusinessDates.RULE;
        } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
            message = "must not be null";
        } else if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            message = "is nested too deeply (at most " + dk.flyt.platform.json.InputLimits.MAX_NESTING + " levels)";
        }
        return respond(new Problem(
                Problem.type("invalid-request"),
                "The request is not valid",
                400,
                field + " " + message,
                path(uri),
                List.of(new Problem.FieldError(field, message))));
    }

    /** A role the endpoint does not admit: 403 as a problem, like every other refusal. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(new Problem(
                Problem.type("forbidden"),
                "Forbidden",
                403,
                "the caller's role may not do this",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(new Problem(
                Problem.type("concurrent-change"),
                "Changed by someone else",
                409,
                "The resource was changed by another request; read it again and retry",
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (status == 400 && t instanceof JsonProcessingException unreadable) {
                // the body reader's own 400 for JSON it could not map: name the field as for any other
                return unreadable(unreadable, uri);
            }
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        return respond(new Problem(
                Problem.type(slug(info.getReasonPhrase())),
                info.getReasonPhrase(),
                status,
                e.getMessage(),
                path(uri),
                List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (dk.flyt.platform.sql.DatabaseUnreachable.in(e)) {
            // a database restart or failover: the same request sent again in a moment does it (once, with its key)
            LOG.warnf(
                    "Request on %s refused: the database cannot be reached (%s)",
                    path(uri), e.getClass().getName());
            return Response.fromResponse(respond(new Problem(
                            Problem.type("temporarily-unavailable"),
                            "Temporarily unavailable",
                            503,
                            "The service cannot reach its database for a moment. Send the request again shortly (an action with"
                                    + " the same Idempotency-Key: it is done once)",
                            path(uri),
                            List.of())))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(
                Problem.type("internal-error"),
                "Internal error",
                500,
                "Something went wrong on our side; quote error id " + errorId,
                path(uri),
                List.of()));
    }

    static final int RETRY_AFTER_SECONDS = 2;

    /** The problem as the answer to a request. */
    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String slug(String phrase) {
        return phrase == null ? "error" : phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** {@code create.arg0.customer.email} becomes {@code customer.email}; query parameters keep their name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .map(Path.Node::toString)
                .toList();
        if (names.size() <= 2) {
            return names.isEmpty() ? "body" : names.get(names.size() - 1);
        }
        return String.join(".", names.subList(2, names.size()));
    }
}

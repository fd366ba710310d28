package dk.flyt.platform.problem;

import java.util.List;

/**
 * A client-visible failure of a use case. Application code throws it; the API answers with the matching problem
 * document. The message must not carry personal data: it goes to the client and may reach logs.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(
                400,
                "invalid-request",
                "The request is not valid",
                field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found", List.of());
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, List.of());
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(422, slug, "The request breaks a business rule", detail, List.of());
    }

    /** A business rule refused the value of {@code field}. */
    public static ProblemException unprocessable(String slug, String field, String message) {
        return new ProblemException(
                422,
                slug,
                "The request breaks a business rule",
                field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** The caller may not do this; {@code field} names what it got wrong. */
    public static ProblemException forbidden(String slug, String field, String message) {
        return new ProblemException(
                403, slug, "Forbidden", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }

    /** The problem's short name, the last part of its type URI. */
    public String slug() {
        return slug;
    }
}

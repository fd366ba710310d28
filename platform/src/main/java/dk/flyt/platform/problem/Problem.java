package dk.flyt.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of error; {@code errors} names each field that is
 * wrong, so a client can point at it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://flyt.dk/problems/";

    public record FieldError(String field, String message) {}

    public static String type(String slug) {
        return TYPE_BASE + slug;
    }
}

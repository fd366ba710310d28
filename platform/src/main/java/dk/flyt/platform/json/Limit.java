package dk.flyt.platform.json;

import dk.flyt.platform.problem.ProblemException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A list's {@code limit} query parameter: absent means the default; anything else but a whole number in range, an
 * empty value included, is a 400 naming it.
 */
public final class Limit {
    public static final String PARAMETER = "limit";

    public static int of(UriInfo uri, int byDefault, int max) {
        List<String> given = uri.getQueryParameters().get(PARAMETER);
        if (given == null || given.isEmpty()) {
            return byDefault;
        }
        try {
            int limit = Integer.parseInt(given.getFirst().strip());
            if (given.size() == 1 && limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // the same answer as out of range
        }
        throw ProblemException.badRequest(PARAMETER, "must be one whole number from 1 to " + max);
    }

    private Limit() {}
}

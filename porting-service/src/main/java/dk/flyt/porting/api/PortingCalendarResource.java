package dk.flyt.porting.api;

import dk.flyt.calendar.PortingCalendar;
import dk.flyt.calendar.PortingMode;
import dk.flyt.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The porting rules, public and read-only: working days, and the earliest legal port date. */
@Path("/api/v1/porting-calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "porting-calendar",
        description = "Danish porting working days and the earliest legal port date; readable without a token")
public class PortingCalendarResource {
    static final int MAX_RANGE_DAYS = 366;

    private final PortingCalendar calendar;

    public PortingCalendarResource(PortingCalendar calendar) {
        this.calendar = calendar;
    }

    public record EarliestPortDate(LocalDate earliestPortDate) {}

    public record WorkingDays(List<LocalDate> workingDays) {}

    @GET
    @Path("/earliest-port-date")
    @PermitAll
    @Operation(operationId = "getEarliestPortDate", summary = "The earliest legal port date (R-PORT-02..04)")
    public EarliestPortDate earliestPortDate(
            @Parameter(description = "SIM shipment date, YYYY-MM-DD", required = true) @QueryParam("shippedOn")
                    String shippedOn,
            @Parameter(description = "ASAP or END_OF_TERM", required = true) @QueryParam("mode") String mode,
            @Parameter(description = "End of the donor notice or binding period, YYYY-MM-DD; required for END_OF_TERM")
                    @QueryParam("termEndsOn")
                    String termEndsOn) {
        LocalDate shipped = date("shippedOn", shippedOn);
        PortingMode portingMode = mode(mode);
        LocalDate termEnds = null;
        if (portingMode == PortingMode.END_OF_TERM) {
            termEnds = date("termEndsOn", termEndsOn);
        } else if (termEndsOn != null && !termEndsOn.isBlank()) {
            date("termEndsOn", termEndsOn);
        }
        return new EarliestPortDate(calendar.earliestPortDate(shipped, portingMode, termEnds));
    }

    @GET
    @Path("/working-days")
    @PermitAll
    @Operation(
            operationId = "listWorkingDays",
            summary = "The porting days in a range, both ends included, at most 366 days")
    public WorkingDays workingDays(
            @Parameter(description = "YYYY-MM-DD", required = true) @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM-DD", required = true) @QueryParam("to") String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_RANGE_DAYS) {
            throw ProblemException.badRequest("to", "the range may cover at most " + MAX_RANGE_DAYS + " days");
        }
        return new WorkingDays(calendar.portingDays(start, end));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name, "is required (YYYY-MM-DD)");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "is not a date of the form YYYY-MM-DD");
        }
        if (!dk.flyt.platform.json.BusinessDates.inRange(d)) {
            throw ProblemException.badRequest(name, dk.flyt.platform.json.BusinessDates.RULE);
        }
        return d;
    }

    private static PortingMode mode(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("mode", "is required: one of " + Arrays.toString(PortingMode.values()));
        }
        try {
            return PortingMode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("mode", "must be one of " + Arrays.toString(PortingMode.values()));
        }
    }
}

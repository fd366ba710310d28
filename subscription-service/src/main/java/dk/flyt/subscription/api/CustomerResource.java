package dk.flyt.subscription.api;

import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import dk.flyt.subscription.application.CustomerDirectory;
import dk.flyt.subscription.application.CustomerSearch;
import dk.flyt.subscription.domain.Cpr;
import dk.flyt.subscription.domain.CustomerQuery;
import dk.flyt.subscription.persistence.CustomerEntity;
import dk.flyt.subscription.persistence.CustomerRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Customer profiles. Rooted at {@code /api/v1} like the order and subscription resources: a root of
 * {@code /api/v1/customers/{id}} would win the JAX-RS class match for {@code /customers/{id}/orders} and hide it.
 * CPR is masked unless an agent gives a reason, and that look is audited (R-DATA-01). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers", description = CustomerResource.TAG)
public class CustomerResource {
    /** The OpenAPI tag\'s description. */
    static final String TAG = "Customer profiles, search (agents) and the one-page overview";

    private final CustomerRepository customers;
    private final CustomerDirectory directory;
    private final CustomerSearch search;
    private final AuditTrail audit;
    private final Caller caller;

    public CustomerResource(
            CustomerRepository customers,
            CustomerDirectory directory,
            CustomerSearch search,
            AuditTrail audit,
            Caller caller) {
        this.customers = customers;
        this.directory = directory;
        this.search = search;
        this.audit = audit;
        this.caller = caller;
    }

    public record CustomerView(
            String id,
            String kind,
            String cpr,
            boolean cprMasked,
            String cvr,
            String name,
            String street,
            String postalCode,
            String city,
            String email,
            String contactNumber) {}

    @GET
    @Path("/customers/{customerId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Operation(
            operationId = "getCustomer",
            summary = "A customer profile",
            description = "The CPR number is masked (DDMMYY-XXXX). An agent who needs it whole states why in the"
                    + " X-Reveal-Reason header; the look is audited with the reason.")
    public CustomerView get(
            @PathParam("customerId") String customerId, @HeaderParam("X-Reveal-Reason") String revealReason) {
        caller.requireAccessToCustomer(customerId, "Customer");
        CustomerEntity c =
                customers.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Customer"));
        boolean reveal = revealReason != null && !revealReason.isBlank() && caller.hasRole(Roles.AGENT);
        if (revealReason != null && revealReason.length() > 200) {
            throw ProblemException.badRequest("X-Reveal-Reason", "must be at most 200 characters");
        }
        audit.record(caller, reveal ? "CPR_REVEALED" : "CUSTOMER_READ", customerId, null, reveal ? revealReason : null);
        return view(c, reveal);
    }

    /** The one search box of the console; a POST so that a CPR number is never in a URL. */
    public record SearchRequest(
            @Schema(
                    description = "A phone number, an e-mail address, a CPR number, a customer id or an order id",
                    examples = "26123456")
            @NotBlank
            @Size(max = 254)
            String query) {}

    /** A customer found, with what matched (never the query itself). */
    public record CustomerHit(String id, String kind, String name, CustomerQuery.Kind matchedBy) {}

    @POST
    @Path("/customers/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(
            operationId = "searchCustomers",
            summary = "Find customers by phone number, e-mail address, CPR number, customer id or order id",
            description = "A POST so that a CPR number is never in a URL (R-DATA-01). No contact is needed to search;"
                    + " each customer found is audited as CUSTOMER_FOUND with what the search was by (CPR, NUMBER,"
                    + " EMAIL, ID), never the query. At most 20, oldest first; an empty list when none matches. A"
                    + " query that is none of these is a 400 naming query.")
    public List<CustomerHit> search(@Valid @NotNull SearchRequest request) {
        CustomerQuery query = CustomerQuery.parse(request.query())
                .orElseThrow(() -> ProblemException.badRequest(
                        "query", "is not a phone number, e-mail address, CPR number or id"));
        List<CustomerHit> hits = search.find(query).stream()
                .map(c -> new CustomerHit(c.id, c.kind, c.name, query.kind()))
                .toList();
        hits.forEach(
                h -> audit.recordWithin(caller, null, "CUSTOMER_FOUND", h.id(), null, "search by " + query.kind()));
        return hits;
    }

    @PATCH
    @Path("/customers/{customerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT})
    @Transactional
    @Operation(
            operationId = "changeCustomer",
            summary = "Change a profile's contact data",
            description = "The only way a profile's name, address, e-mail, contact number or payment reference change:"
                    + " by the customer, or an agent for them (audited). Fields left out stay; CPR/CVR never change."
                    + " An order never changes a profile.")
    public CustomerView change(@PathParam("customerId") String customerId, CustomerDirectory.ProfileChange change) {
        caller.requireAccessToCustomer(customerId, "Customer");
        audit.authorize(caller, customerId);
        CustomerEntity c = directory.change(customerId, change);
        audit.record(caller, "PROFILE_CHANGED", customerId, null, null);
        return view(c, false);
    }

    private static CustomerView view(CustomerEntity c, boolean reveal) {
        String cpr = c.cpr == null
                ? null
                : Cpr.parse(c.cpr).map(p -> reveal ? p.reveal() : p.masked()).orElse(null);
        return new CustomerView(
                c.id,
                c.kind,
                cpr,
                cpr != null && !reveal,
                c.cvr,
                c.name,
                c.street,
                c.postalCode,
                c.city,
                c.email,
                c.contactNumber);
    }
}

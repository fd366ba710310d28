package dk.flyt.billing.api;

import dk.flyt.billing.application.Complaints;
import dk.flyt.billing.domain.PriceList;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.audit.AuditTrail;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Everything the agents' console shows of a customer from billing, in one answer: the account and balance, the ledger
 * and the complaints. Each part is read as its own endpoint reads it, with the same checks and the same audit.
 */
@Path("/api/v1/accounts/{customerId}/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = AccountResource.TAG_DOC)
public class AccountOverviewResource {
    private final AccountResource accounts;
    private final ComplaintResource complaints;
    private final AuditTrail audit;
    private final Caller caller;

    public AccountOverviewResource(
            AccountResource accounts, ComplaintResource complaints, AuditTrail audit, Caller caller) {
        this.accounts = accounts;
        this.complaints = complaints;
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * {@code account} null while the customer has none yet (it opens with the first subscription); {@code newSimFee}
     * in øre, what replacing a SIM costs (R-SUB-10), for the console to show before an agent does it.
     */
    public record AccountOverview(
            AccountView account,
            List<AccountResource.EntryView> entries,
            List<Complaints.Complaint> complaints,
            long newSimFee) {}

    @GET
    @RolesAllowed(Roles.AGENT)
    @Operation(
            operationId = "getAccountOverview",
            summary = "A customer's account, ledger entries and complaints at once (the console's page)",
            description = "As GET /accounts/{id}, /entries and /complaints each answer, within the agent's contact"
                    + " (Flyt-Contact-Id) and audited alike; without an account yet, account is null and the lists"
                    + " empty.")
    public AccountOverview overview(@PathParam("customerId") String customerId) {
        audit.authorize(caller, customerId);
        AccountView account;
        try {
            account = accounts.get(customerId);
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            return new AccountOverview(null, List.of(), List.of(), PriceList.NEW_SIM);
        }
        return new AccountOverview(
                account, accounts.entries(customerId), complaints.ofAccount(customerId), PriceList.NEW_SIM);
    }
}

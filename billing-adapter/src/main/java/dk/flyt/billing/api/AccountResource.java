package dk.flyt.billing.api;

import dk.flyt.billing.persistence.AccountEntity;
import dk.flyt.billing.persistence.AccountRepository;
import dk.flyt.contracts.Roles;
import dk.flyt.platform.problem.ProblemException;
import dk.flyt.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
public class AccountResource {
    private final AccountRepository accounts;
    private final Caller caller;

    public AccountResource(AccountRepository accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.BILLING_ADMIN})
    @Operation(summary = "A customer's account and balance (a customer sees only their own)")
    public AccountView get(@PathParam("customerId") String customerId) {
        caller.requireAccessToCustomer(customerId, "Account");
        AccountEntity account =
                accounts.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Account"));
        return new AccountView(
                account.customerId, account.balanceOre, "DKK", account.automaticPayment, account.openedAt);
    }
}

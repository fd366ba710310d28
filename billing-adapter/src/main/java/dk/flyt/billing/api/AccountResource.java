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
@Tag(name = "accounts", description = AccountResource.TAG_DOC)
public class AccountResource {
    /** The OpenAPI tag\'s description. */
    static final String TAG_DOC =
            "Customer accounts: the balance derived from the ledger, its entries, the payment method and disputes";

    private final AccountRepository accounts;
    private final dk.flyt.billing.application.Ledger ledger;
    private final dk.flyt.platform.audit.AuditTrail audit;
    private final Caller caller;

    public AccountResource(
            AccountRepository accounts,
            dk.flyt.billing.application.Ledger ledger,
            dk.flyt.platform.audit.AuditTrail audit,
            Caller caller) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.BILLING_ADMIN})
    @Operation(
            operationId = "getAccount",
            summary = "A customer's account and balance (a customer sees only their own)")
    public AccountView get(@PathParam("customerId") String customerId) {
        AccountEntity account = account(customerId);
        audit.record(caller, "ACCOUNT_READ", customerId, null, null);
        return new AccountView(
                account.customerId, ledger.balance(customerId), "DKK", account.automaticPayment, account.openedAt);
    }

    /**
     * One ledger entry; {@code amount} in øre, credit positive, debit negative. {@code cause} is what booked it
     * (docs/billing.md "Entries and their causes"), unique in the ledger: the same cause is never booked twice.
     */
    public record EntryView(
            long id,
            String kind,
            long amount,
            String reason,
            String cause,
            String subscriptionId,
            java.time.LocalDate periodMonth,
            java.time.Instant bookedAt) {}

    @GET
    @Path("/{customerId}/entries")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.BILLING_ADMIN})
    @jakarta.transaction.Transactional
    @Operation(operationId = "listAccountEntries", summary = "The account's ledger entries, oldest first")
    @SuppressWarnings("unchecked")
    public java.util.List<EntryView> entries(@PathParam("customerId") String customerId) {
        account(customerId);
        audit.record(caller, "LEDGER_READ", customerId, null, null);
        java.util.List<Object[]> rows = accounts.getEntityManager()
                .createNativeQuery(
                        "SELECT id, kind, amount_ore, reason, cause, subscription_id, period_month, booked_at FROM ledger_entry WHERE customer_id = :c ORDER BY id")
                .setParameter("c", customerId)
                .getResultList();
        return rows.stream()
                .map(r -> new EntryView(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        periodMonth(r[6]),
                        r[7] instanceof java.time.OffsetDateTime o ? o.toInstant() : (java.time.Instant) r[7]))
                .toList();
    }

    private AccountEntity account(String customerId) {
        if (!caller.hasRole(Roles.BILLING_ADMIN)) {
            // finance reads every account; anyone else their own, or an agent within a contact
            caller.requireAccessToCustomer(customerId, "Account");
        }
        return accounts.findByIdOptional(customerId).orElseThrow(() -> ProblemException.notFound("Account"));
    }

    /** The native query's date column: Hibernate hands back a {@code LocalDate} or a {@code java.sql.Date}. */
    private static java.time.LocalDate periodMonth(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (java.time.LocalDate) value;
    }
}

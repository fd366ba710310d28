package dk.flyt.billing.api;

import dk.flyt.platform.openapi.RequestSchemas;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * What the billing adapter's request bodies must hold beyond their Bean Validation annotations (which the document
 * already shows): the month a charge run or a reconciliation is for, and an example of each body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BillingRequestSchemas implements OASFilter {
    static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RequestSchemas s = RequestSchemas.of(openAPI);
        s.schema("StartRequest")
                .required("month")
                .pattern("month", MONTH)
                .describe("month", "YYYY-MM, a month that has begun")
                .example("""
                        {"month": "2026-12"}
                        """);
        s.schema("ReconciliationRequest")
                .required("month")
                .pattern("month", MONTH)
                .describe("month", "YYYY-MM, a month that has begun")
                .example("""
                        {"month": "2026-11"}
                        """);
        s.schema("OpenComplaint")
                .describe("amount", "The disputed amount in øre")
                .example("""
                {"amount": 14900, "reason": "Charged twice for November", "special": false}
                """);
        s.schema("Decision")
                .describe("credit", "What is credited in øre when UPHELD")
                .example("""
                        {"outcome": "UPHELD", "credit": 14900}
                        """);
        s.schema("PaymentMethod")
                .oneOf("method", "CARD", "MOBILEPAY")
                .describe("topUpTarget", "For a prepaid account: the balance in øre a top-up brings it to")
                .example("""
                        {"method": "CARD", "reference": "pm-visa-4242"}
                        """);
        s.schema("Dispute").describe("amount", "The disputed amount in øre").example("""
                {"complaintId": "c-2026-0042", "amount": 14900}
                """);
    }
}

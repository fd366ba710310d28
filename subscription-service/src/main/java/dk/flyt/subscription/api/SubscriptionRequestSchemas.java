package dk.flyt.subscription.api;

import dk.flyt.platform.json.Amounts;
import dk.flyt.platform.openapi.RequestSchemas;
import dk.flyt.subscription.domain.Channel;
import dk.flyt.subscription.domain.ContactChannel;
import dk.flyt.subscription.domain.CustomerKind;
import dk.flyt.subscription.domain.NumberKind;
import dk.flyt.subscription.domain.OrderRules;
import dk.flyt.subscription.domain.PortingMode;
import dk.flyt.subscription.domain.ServiceChannel;
import dk.flyt.subscription.domain.SimKind;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * What the subscription service's request bodies must hold, as its rules check it (OrderRules, the resources): the
 * checkout draft is read as text so that each wrong value is answered against its field, so its schema gets the
 * enums, lengths, patterns and ranges here, from the same enums and constants the rules use. Every body has an
 * example.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SubscriptionRequestSchemas implements OASFilter {
    static final String CPR = "^\\d{6}-?\\d{4}$";
    static final String CVR = "^[1-9]\\d{7}$";
    static final String ICCID = "^89\\d{17,18}$";
    static final String POSTAL_CODE = "^\\d{4}$";
    static final String NUMBER_DOC = "A Danish mobile number: 8 digits, optionally +45 or 0045 first, spaces allowed";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RequestSchemas s = RequestSchemas.of(openAPI);
        // the agents' queue lists the states in which an order waits for a person
        openAPI.getPaths().getPathItem("/api/v1/orders").getGET().getParameters().stream()
                .filter(p -> p.getName().equals("status"))
                .findFirst()
                .orElseThrow()
                .getSchema()
                .getItems()
                .setEnumeration(OrderResource.WAITING.stream()
                        .map(Enum::name)
                        .sorted()
                        .map(n -> (Object) n)
                        .toList());
        s.schema("OrderDraft")
                .required("customer", "channel", "paymentMethodRef", "lines")
                .oneOf("channel", Channel.class)
                .length("paymentMethodRef", 1, 100)
                .length("device", 1, 100)
                .items("lines", 1, OrderRules.MAX_LINES)
                .describe("campaign", "The code of a running campaign (it may waive the creation fee)")
                .example("""
                        {"customer": {"kind": "PRIVATE", "cpr": "150585-1234", "name": "Karen Jensen",
                          "address": {"street": "Nørregade 1", "postalCode": "8000", "city": "Aarhus C"},
                          "email": "karen@example.dk", "contactNumber": "26123456"},
                         "channel": "WEBSHOP", "paymentMethodRef": "pm-visa-4242",
                         "lines": [{"plan": "MOBILE_10GB", "numberKind": "PORT_IN", "number": "+4526123456",
                           "donorIccid": "8945010000000012340", "mode": "ASAP", "simKind": "SIM"}]}
                        """);
        s.schema("CustomerDraft")
                .required("kind", "name", "address", "email")
                .oneOf("kind", CustomerKind.class)
                .describe("id", "The logged-in customer's subject, to order for an existing profile")
                .pattern("cpr", CPR)
                .describe("cpr", "DDMMYY-SSSS, a real birth date, 18 or older; for kind PRIVATE")
                .pattern("cvr", CVR)
                .describe("cvr", "8 digits, modulus 11; for kind BUSINESS")
                .length("name", 1, 200)
                .length("email", 3, 254)
                .format("email", "email")
                .describe("contactNumber", NUMBER_DOC);
        s.schema("Address")
                .required("street", "postalCode", "city")
                .length("street", 1, 200)
                .pattern("postalCode", POSTAL_CODE)
                .length("city", 1, 100);
        s.schema("LineDraft")
                .required("plan", "numberKind", "simKind")
                .describe("plan", "A plan code of GET /api/v1/plans")
                .oneOf("numberKind", NumberKind.class)
                .describe("number", NUMBER_DOC + "; for PORT_IN only")
                .pattern("donorIccid", ICCID)
                .describe("donorIccid", "The donor SIM's ICCID (19-20 digits, Luhn check digit); for PORT_IN only")
                .oneOf("mode", PortingMode.class)
                .describe("donorTermEndsOn", "For END_OF_TERM: the end of the term with the donor, in the future")
                .oneOf("simKind", SimKind.class)
                .range("bindingMonths", 0, CustomerKind.BUSINESS.maxBindingMonths())
                .describe(
                        "bindingMonths",
                        "At most " + CustomerKind.PRIVATE.maxBindingMonths() + " for a private"
                                + " customer (R-SUB-06)");
        s.schema("ProfileChange")
                .length("name", 1, 200)
                .length("email", 3, 254)
                .format("email", "email")
                .describe("contactNumber", NUMBER_DOC)
                .length("paymentMethodRef", 1, 100)
                .example("""
                        {"email": "karen.jensen@example.dk", "contactNumber": "26123456"}
                        """);
        s.schema("ConsentRequest").oneOf("channel", ContactChannel.class).example("""
                        {"channel": "PHONE", "wordingVersion": "2026-01", "givenAt": "2026-12-01T10:15:00Z"}
                        """);
        s.schema("ContactRequest").oneOf("channel", ServiceChannel.class).example("""
                        {"channel": "PHONE", "reason": "The customer asks about a port-in"}
                        """);
        s.schema("AcceptanceRequest").example("""
                        {"token": "the token of the acceptance link"}
                        """);
        s.schema("ShipmentReport")
                .required("status")
                .oneOf("status", "SHIPPED", "DELIVERED")
                .pattern("simIccid", ICCID)
                .describe("simIccid", "The shipped SIM's ICCID; with SHIPPED")
                .example("""
                        {"status": "SHIPPED", "on": "2026-12-02", "simIccid": "8945010000000012340"}
                        """);
        s.schema("PortInCorrection")
                .describe("number", NUMBER_DOC)
                .pattern("donorIccid", ICCID)
                .example("""
                        {"donorIccid": "8945010000000012340"}
                        """);
        s.schema("WithdrawalRequest")
                .describe("lineIds", "The lines to withdraw; none for the whole order")
                .example("""
                        {"lineIds": []}
                        """);
        s.schema("PriceChangeRequest")
                .required("newPrice", "effectiveOn")
                .range("newPrice", 0, Amounts.MAX_ORE)
                .describe("newPrice", "The new monthly price in øre")
                .example("""
                        {"newPrice": 17900, "effectiveOn": "2027-02-01"}
                        """);
        s.schema("CancellationRequest")
                .describe("endOn", "The wished end; the earliest the rules allow when left out (R-SUB-07)")
                .example("""
                        {"endOn": "2027-01-31"}
                        """);
        s.schema("TransferRequest")
                .required("newOwner", "paymentMethodRef")
                .length("paymentMethodRef", 1, 100)
                .example("""
                        {"newOwner": {"kind": "PRIVATE", "cpr": "020390-2345", "name": "Lars Hansen",
                          "address": {"street": "Vestergade 2", "postalCode": "5000", "city": "Odense C"},
                          "email": "lars@example.dk"}, "paymentMethodRef": "pm-mc-5454"}
                        """);
        s.schema("TransferAcceptance").required("token").example("""
                        {"token": "the token of the transfer link"}
                        """);
        s.schema("PlanChangeRequest")
                .required("planCode")
                .describe("planCode", "A plan code of GET /api/v1/plans")
                .example("""
                        {"planCode": "MOBILE_50GB"}
                        """);
        s.schema("UnblockRequest")
                .pattern("newSimIccid", ICCID)
                .describe("newSimIccid", "The new SIM's ICCID when the block was for a lost SIM (R-SUB-10)")
                .example("""
                        {"newSimIccid": "8945010000000012340"}
                        """);
        s.schema("UsageReport")
                .required("usageId", "usedOn")
                .describe("usageId", "Unique per usage record: one sent again is booked once")
                .range("voiceSeconds", 0, SubscriptionResource.MAX_USAGE)
                .range("dataMegabytes", 0, SubscriptionResource.MAX_USAGE)
                .range("amountOre", 0, Amounts.MAX_ORE)
                .example("""
                        {"usageId": "roaming-2026-12-01-0001", "usedOn": "2026-12-01", "voiceSeconds": 0,
                         "dataMegabytes": 512, "amountOre": 4900}
                        """);
        s.schema("SearchRequest").example("""
                {"query": "26123456"}
                """);
    }
}

package dk.flyt.porting.api;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.platform.openapi.RequestSchemas;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * What the porting service's request bodies must hold, as HubIngress and HubPolicy check a hub message (the fields
 * every message needs; each kind's own are described), with an example of each body.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PortingRequestSchemas implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RequestSchemas s = RequestSchemas.of(openAPI);
        s.schema("HubMessage")
                .required("version", "messageId", "kind", "sender", "sentAt")
                .range("version", HubMessage.VERSION, HubMessage.VERSION)
                .length("messageId", 1, 200)
                .describe("messageId", "Unique per sender: a message sent again is stored once")
                .describe("sender", "The sending operator's id; it must be the token's operator_id")
                .describe("recipient", "FLYT, or left out")
                .describe(
                        "dossierId",
                        "The porting case across operators; required for every kind but ERROR (unless PORTING_FAILED)"
                                + " and NUMBER_RETURNED")
                .describe("sentAt", "When it was sent; refused when further from now than the allowed clock skew")
                .describe("number", "The ported number; PORTING_REQUEST, PORTING_PERFORMED, NUMBER_RETURNED")
                .describe("iccid", "The SIM's ICCID; PORTING_REQUEST")
                .describe("answer", "PORTING_ANSWER only")
                .describe("code", "A REJECT's or an ERROR's code")
                .describe("operator", "PORTING_PERFORMED and ROUTING_CONFIRMED: the new number holder")
                .describe("inReplyTo", "ERROR: the messageId of ours it answers")
                .describe("routedBy", "ROUTING_CONFIRMED: the operator that now routes the number")
                .example("""
                        {"version": 1, "messageId": "TELIA-2026-000123", "kind": "PORTING_REQUEST",
                         "sender": "TELIA", "recipient": "FLYT", "dossierId": "D-2026-000123",
                         "sentAt": "2026-12-01T09:00:00Z", "number": "+4526123456", "iccid": "8945010000000012340",
                         "portDate": "2026-12-04"}
                        """);
        s.schema("ClaimRequest")
                .describe("caseId", "The port-in or port-out case the fault happened in")
                .describe("number", "The number of the case, when the claim names it")
                .describe("faultStartedAt", "When the fault began (a delayed or interrupted port)")
                .describe("faultFixedAt", "When it was fixed; a claim comes at most 30 days later")
                .example("""
                        {"kind": "DELAYED_PORT", "customerId": "11111111-1111-4111-8111-111111111111",
                         "caseId": "0b6d9a3e-7a8c-4c4e-9a53-0d8b4c9b1f11",
                         "faultStartedAt": "2026-12-04T23:00:00Z", "faultFixedAt": "2026-12-06T11:00:00Z"}
                        """);
    }
}

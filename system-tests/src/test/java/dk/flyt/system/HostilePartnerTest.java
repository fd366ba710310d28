package dk.flyt.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessage.Answer;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.hubsim.HubSimulator;
import dk.flyt.local.ServiceProcess;
import dk.flyt.testing.TestData;
import dk.flyt.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A second operator (TELIA) with a valid token of its own sends every message kind for dossiers that are not its
 * own: a port-in of ours whose donor is TDC, and a port-out of ours whose recipient is TELENOR. Each is refused at
 * once with a problem document, and nothing changes in any service: the cases, the order, the number and the
 * account read exactly as before.
 */
class HostilePartnerTest extends OnTheStack {
    /** What every service shows of the two dossiers, as an agent and the customers see them. */
    private record Snapshot(
            List<Object> portInTimeline,
            String portInState,
            String orderStatus,
            List<String> orderTimeline,
            List<Object> portInEntries,
            String numberStatus,
            List<Object> portOuts,
            String subscriptionStatus,
            List<Object> portOutEntries) {}

    private Snapshot snapshot(Journey.PortIn in, String caseId, String outNumber, String outCustomer, String outSub) {
        JsonPath c = j.portInCaseAsCustomer(caseId, in.customerId());
        JsonPath n = j.number(outNumber);
        return new Snapshot(
                c.getList("timeline"),
                c.getString("state"),
                j.orderAsCustomer(in.orderId(), in.customerId()).getString("status"),
                j.timeline(in.orderId()),
                new ArrayList<>(j.entries(in.customerId())),
                n.getString("status"),
                n.getList("portOuts"),
                j.subscription(outSub).getString("status"),
                new ArrayList<>(j.entries(outCustomer)));
    }

    private static HubMessage telia(
            HubMessageKind kind, String dossier, String number, Answer answer, String code, String operator) {
        return new HubMessage(
                1,
                "TELIA-" + UUID.randomUUID(),
                kind,
                "TELIA",
                "FLYT",
                dossier,
                stack.now(),
                number,
                kind == HubMessageKind.PORTING_REQUEST ? TestData.iccid() : null,
                LocalDate.now().plusDays(7),
                answer,
                code,
                operator,
                null);
    }

    /** Every kind a partner can send, aimed at {@code dossier}. */
    private static List<HubMessage> everyKind(String dossier, String number, String ourMessageToSomeoneElse) {
        List<HubMessage> all = new ArrayList<>();
        for (Answer a : Answer.values()) {
            all.add(telia(
                    HubMessageKind.PORTING_ANSWER,
                    dossier,
                    number,
                    a,
                    a == Answer.REJECT ? "ICCID_MISMATCH" : null,
                    null));
        }
        all.add(telia(HubMessageKind.PORTING_REQUEST, dossier, number, null, null, null));
        all.add(telia(HubMessageKind.CANCEL, dossier, number, null, null, null));
        all.add(telia(HubMessageKind.PORTING_PERFORMED, dossier, number, null, null, "FLYT"));
        all.add(telia(HubMessageKind.PORTING_PERFORMED, dossier, number, null, null, "TELIA"));
        all.add(telia(HubMessageKind.NUMBER_RETURNED, dossier, number, null, null, null));
        all.add(telia(HubMessageKind.ERROR, dossier, number, null, HubMessage.Codes.PORTING_FAILED, "TELENOR"));
        all.add(new HubMessage(
                1,
                "TELIA-" + UUID.randomUUID(),
                HubMessageKind.ERROR,
                "TELIA",
                "FLYT",
                dossier,
                stack.now(),
                number,
                null,
                null,
                null,
                HubMessage.Codes.NOT_APPLICABLE,
                null,
                ourMessageToSomeoneElse));
        all.add(new HubMessage(
                1,
                "TELIA-" + UUID.randomUUID(),
                HubMessageKind.ROUTING_CONFIRMED,
                "TELIA",
                "FLYT",
                dossier,
                stack.now(),
                number,
                null,
                null,
                null,
                null,
                "FLYT",
                null,
                "TELIA"));
        return all;
    }

    @Test
    void aSecondOperatorsTokenCanDoNothingToDossiersThatAreNotItsOwn() {
        j.freshMonday();
        String portInNumber = TestData.mobileNumber();
        String iccid = TestData.iccid();
        Journey.PortIn in = j.awaitScheduled(j.orderPortIn(portInNumber, iccid, iccid));
        String caseId = j.portInCase(portInNumber).getString("id");
        HubMessage ourRequest =
                stack.hub.received(m -> caseId.equals(m.dossierId())).getFirst();
        assertThat(ourRequest.recipient()).isEqualTo("TDC");

        String simIccid = TestData.iccid();
        JsonPath o = j.place(List.of(Journey.newNumber("MOBILE_10GB", 0)));
        String outCustomer = o.getString("customerId");
        String outSub = o.getString("lines[0].subscriptionId");
        String outNumber = o.getString("lines[0].number");
        j.ship(o.getString("id"), o.getString("lines[0].id"), simIccid);
        j.firstUse(outSub);
        Journey.await(() -> j.number(outNumber), n -> "ACTIVE".equals(n.getString("status")), "number registered");
        String portOutDossier = stack.hub.requestPortOut(
                "TELENOR", outNumber, simIccid, j.today().plusDays(7));
        HubMessage ourAnswer = Journey.await(
                        () -> stack.hub.received(m -> portOutDossier.equals(m.dossierId())),
                        l -> !l.isEmpty(),
                        "our answer to TELENOR")
                .getFirst();
        Journey.await(() -> j.number(outNumber), n -> "PORTING_OUT".equals(n.getString("status")), "accepted");
        j.awaitEntries(in.customerId(), e -> !Journey.ofKind(e, "FEE").isEmpty());
        ServiceProcess.sleep(1_000);

        Snapshot before = snapshot(in, caseId, outNumber, outCustomer, outSub);
        List<HubMessage> hostile = new ArrayList<>(everyKind(caseId, portInNumber, ourRequest.messageId()));
        hostile.addAll(everyKind(portOutDossier, outNumber, ourAnswer.messageId()));
        for (HubMessage m : hostile) {
            HubSimulator.Response r = stack.hub.post(m);
            assertThat(r.status())
                    .as(m.kind() + " " + m.answer() + " " + m.code() + " on " + m.dossierId() + ": " + r.body())
                    .isIn(403, 422);
            assertThat(r.body()).contains("\"status\":" + r.status()).contains("\"type\"");
        }
        Response raw = given().baseUri(stack.gateway.url())
                .auth()
                .oauth2(Tokens.token("operator-TELIA", "TELIA", "np-operator"))
                .contentType(ContentType.JSON)
                .body("""
                        {"version":1,"messageId":"TELIA-%s","kind":"CANCEL","sender":"TELIA","recipient":"FLYT",
                         "dossierId":"%s","sentAt":"%s"}""".formatted(UUID.randomUUID(), portOutDossier, stack.now()))
                .post("/api/v1/interop/messages");
        assertThat(raw.contentType()).startsWith("application/problem+json");

        ServiceProcess.sleep(2_000);
        assertThat(snapshot(in, caseId, outNumber, outCustomer, outSub))
                .as("nothing changed in any service")
                .isEqualTo(before);
        assertThat(stack.hub.received(m -> m.kind() == HubMessageKind.ERROR
                        && (caseId.equals(m.dossierId()) || portOutDossier.equals(m.dossierId()))))
                .as("refused at the door: nothing was stored to be answered later")
                .isEmpty();

        // and the real parties carry on: the donor's port-in completes, TELENOR's port-out stays its own
        j.portDay(in);
        j.awaitOrder(in.orderId(), x -> "COMPLETED".equals(x.getString("status")), "completed");
        assertThat(j.number(outNumber).getList("portOuts.recipientOperator")).containsExactly("TELENOR");
    }
}

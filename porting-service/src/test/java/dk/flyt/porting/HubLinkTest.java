package dk.flyt.porting;

import static dk.flyt.porting.Porting.awaitPortIn;
import static dk.flyt.porting.Porting.command;
import static dk.flyt.porting.Porting.newNumber;
import static dk.flyt.porting.Porting.portIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.flyt.contracts.hub.HubMessage;
import dk.flyt.contracts.hub.HubMessage.Answer;
import dk.flyt.contracts.hub.HubMessageKind;
import dk.flyt.contracts.porting.PortingCommands.RequestPortIn;
import dk.flyt.hubsim.HubSimulator;
import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hub link's trust: every message is authorised against the sender's role in the dossier before it is stored,
 * duplicates are recognised per sender, stale or future messages are refused, poison is parked, and our own calls
 * to the hub carry a token the hub accepts. Refusals are problem documents naming the field, and change nothing.
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class HubLinkTest extends PortingFlowTest {
    private static final String ICCID = "8945011234567890123";

    /** A port-in of ours, scheduled, with donor TDC. */
    private JsonPath scheduledPortIn(String number) {
        String order = "order-" + UUID.randomUUID();
        command(
                json,
                "RequestPortIn",
                order,
                new RequestPortIn(
                        order, "1", "cust-" + order, number, ICCID, "ASAP", null, LocalDate.parse("2026-11-02")));
        return awaitPortIn(number, "SCHEDULED");
    }

    private HubMessage from(
            String sender,
            HubMessageKind kind,
            String dossier,
            String number,
            Answer answer,
            String code,
            String operator) {
        return hub.message(
                kind, sender, "FLYT", dossier, number, null, LocalDate.parse("2026-11-09"), answer, code, operator);
    }

    @Test
    void anOperatorCannotPostAsAnotherOperator() {
        var r = hub.post(from("TDC", HubMessageKind.CANCEL, "TDC-1", newNumber(), null, null, null)
                .to("FLYT"));
        // the simulator posts with the sender's token; post TDC's message with TELIA's token instead
        given().auth()
                .oauth2(Tokens.operator("TELIA"))
                .contentType(ContentType.JSON)
                .body("""
                        {"version":1,"messageId":"TDC-%s","kind":"CANCEL","sender":"TDC","recipient":"FLYT",
                         "dossierId":"d-1","sentAt":"%s"}""".formatted(UUID.randomUUID(), clock.instant()))
                .when()
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sender"));
        assertThat(r.status()).as("TDC's own cancel of an unknown dossier").isEqualTo(422);
    }

    @Test
    void anOperatorsRequestAsTheContractDescribesItIsAcceptedOnceAndAcknowledgedAgainAsADuplicate() {
        String body = """
                {"version":1,"messageId":"TELIA-%s","kind":"PORTING_REQUEST","sender":"TELIA","recipient":"FLYT",
                 "dossierId":"TELIA-%s","sentAt":"%s","number":"%s","iccid":"%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), clock.instant(), newNumber(), ICCID);
        for (boolean duplicate : new boolean[] {false, true}) {
            given().auth()
                    .oauth2(Tokens.operator("TELIA"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/interop/messages")
                    .then()
                    .statusCode(202)
                    .body("duplicate", equalTo(duplicate));
        }
    }

    @Test
    void onlyOperatorsMayPost() {
        String body = """
                {"version":1,"messageId":"m1","kind":"CANCEL","sender":"TDC","dossierId":"d","sentAt":"%s"}""".formatted(clock.instant());
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.forRole("agent"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(403);
    }

    @Test
    void aMessageIdIsUniquePerSenderOnly() {
        String number = newNumber();
        String dossier = "TELIA-" + UUID.randomUUID();
        HubMessage telia = hub.message(
                HubMessageKind.PORTING_REQUEST, "TELIA", "FLYT", dossier, number, ICCID, null, null, null, null);
        assertThat(hub.post(telia).body()).contains("\"duplicate\":false");
        assertThat(hub.post(telia).body()).contains("\"duplicate\":true");
        // another operator posting the same message id first or later does not make the real one a duplicate
        HubMessage telenor = new HubMessage(
                1,
                telia.messageId(),
                HubMessageKind.PORTING_REQUEST,
                "TELENOR",
                "FLYT",
                "TELENOR-" + UUID.randomUUID(),
                clock.instant(),
                newNumber(),
                ICCID,
                null,
                null,
                null,
                null,
                null);
        assertThat(hub.post(telenor).body()).contains("\"duplicate\":false");
    }

    @Test
    void anUnreadableMessageIsA400NamingTheField() {
        given().auth()
                .oauth2(Tokens.operator("TELIA"))
                .contentType(ContentType.JSON)
                .body("{\"version\":1,\"messageId\":\"x\",\"kind\":\"TELEPORT\",\"sender\":\"TELIA\"}")
                .post("/api/v1/interop/messages")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    @ParameterizedTest(name = "a {0} without {1} is refused at once naming it")
    @CsvSource({"PORTING_ANSWER, answer", "PORTING_ANSWER, dossierId", "PORTING_REQUEST, number"})
    void aMessageMissingWhatItsKindNeedsIsRefusedAndNeverRetried(HubMessageKind kind, String field) {
        String number = newNumber();
        String dossier = scheduledPortIn(number).getString("id");
        HubMessage m = new HubMessage(
                1,
                "TDC-" + UUID.randomUUID(),
                kind,
                "TDC",
                "FLYT",
                "dossierId".equals(field) ? null : dossier,
                clock.instant(),
                "number".equals(field) ? null : number,
                ICCID,
                null,
                "answer".equals(field) ? null : Answer.ACCEPT,
                null,
                null,
                null);
        HubSimulator.Response r = hub.post(m);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.field()).isEqualTo(field);
    }

    @Test
    void aReplayWithAnOldSentAtAndAMessageFromTheFutureAreRefused() {
        String number = newNumber();
        JsonPath c = scheduledPortIn(number);
        HubMessage accept =
                from("TDC", HubMessageKind.PORTING_ANSWER, c.getString("id"), number, Answer.ACCEPT, null, null);
        HubSimulator.Response replay = hub.post(accept.stampedAt(clock.instant().minus(Duration.ofHours(2))));
        assertThat(replay.status()).isEqualTo(422);
        assertThat(replay.field()).isEqualTo("sentAt");
        assertThat(replay.body()).contains("stale-message");
        HubSimulator.Response future = hub.post(accept.stampedAt(clock.instant().plus(Duration.ofHours(1))));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("message-from-the-future");
    }

    @Test
    void aHostileOperatorCanDoNothingToADossierThatIsNotItsOwn() {
        String number = newNumber();
        JsonPath before = scheduledPortIn(number);
        String dossier = before.getString("id");
        HubMessage request = hub.received(m -> dossier.equals(m.dossierId())).getFirst();
        List<HubMessage> hostile = List.of(
                from("TELIA", HubMessageKind.PORTING_ANSWER, dossier, number, Answer.REJECT, "ICCID_MISMATCH", null),
                from("TELIA", HubMessageKind.PORTING_ANSWER, dossier, number, Answer.ACCEPT, null, null),
                from("TELIA", HubMessageKind.PORTING_ANSWER, dossier, number, Answer.DELAYED, null, null),
                from("TELIA", HubMessageKind.ERROR, dossier, number, null, HubMessage.Codes.PORTING_FAILED, null),
                from("TELIA", HubMessageKind.PORTING_PERFORMED, dossier, number, null, null, "FLYT"),
                from("TELIA", HubMessageKind.PORTING_PERFORMED, dossier, number, null, null, "TELIA"),
                from("TELIA", HubMessageKind.CANCEL, dossier, number, null, null, null),
                from("TELIA", HubMessageKind.PORTING_REQUEST, dossier, number, null, null, null),
                from("TELIA", HubMessageKind.NUMBER_RETURNED, dossier, number, null, null, null),
                new HubMessage(
                        1,
                        "TELIA-" + UUID.randomUUID(),
                        HubMessageKind.ERROR,
                        "TELIA",
                        "FLYT",
                        dossier,
                        clock.instant(),
                        number,
                        null,
                        null,
                        null,
                        "NOT_APPLICABLE",
                        null,
                        request.messageId()),
                new HubMessage(
                        1,
                        "TELIA-" + UUID.randomUUID(),
                        HubMessageKind.ROUTING_CONFIRMED,
                        "TELIA",
                        "FLYT",
                        dossier,
                        clock.instant(),
                        number,
                        null,
                        null,
                        null,
                        null,
                        "FLYT",
                        null,
                        "TELIA"));
        for (HubMessage m : hostile) {
            HubSimulator.Response r = hub.post(m);
            assertThat(r.status())
                    .as(m.kind() + " " + m.answer() + " " + m.code())
                    .isIn(403, 422);
            assertThat(r.body()).contains("\"status\":" + r.status());
        }
        await().pollDelay(Duration.ofSeconds(1)).atMost(Porting.WAIT).until(() -> true);
        JsonPath after = portIn(number).setRootPath("[0]");
        assertThat(after.getString("state")).isEqualTo("SCHEDULED");
        assertThat(after.getList("timeline.to")).isEqualTo(before.getList("timeline.to"));
        assertThat(hub.received(m -> dossier.equals(m.dossierId()) && m.kind() == HubMessageKind.ERROR))
                .as("refused at the door: nothing stored, nothing to answer later")
                .isEmpty();
    }

    @Test
    void aMessageThatCannotApplyIsParkedAnsweredOnceAndListedForAgents() {
        String number = newNumber();
        String dossier = scheduledPortIn(number).getString("id");
        // the hub claims a port scheduled for next week is complete today: it cannot apply, however often tried
        HubMessage premature = from("HUB", HubMessageKind.PORTING_PERFORMED, dossier, number, null, null, "FLYT");
        assertThat(hub.post(premature).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(90)).until(() -> given().auth()
                .oauth2(Tokens.forRole("agent"))
                .get("/api/v1/interop/parked")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("messageId")
                .contains(premature.messageId()));
        JsonPath parked = given().auth()
                .oauth2(Tokens.forRole("agent"))
                .get("/api/v1/interop/parked")
                .then()
                .extract()
                .jsonPath();
        int i = parked.getList("messageId").indexOf(premature.messageId());
        assertThat(parked.getString("[" + i + "].reason")).contains("not applicable");
        assertThat(parked.getString("[" + i + "].sender")).isEqualTo("HUB");
        await().atMost(Porting.WAIT)
                .until(() -> !hub.received(m -> premature.messageId().equals(m.inReplyTo()))
                        .isEmpty());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Porting.WAIT).until(() -> true);
        assertThat(hub.received(m -> premature.messageId().equals(m.inReplyTo())))
                .as("answered once with an ERROR")
                .singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(HubMessageKind.ERROR));
        assertThat(portIn(number).getString("[0].state")).isEqualTo("SCHEDULED");
        String metrics = dk.flyt.testing.Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).containsPattern("flyt_hub_inbox_parked(\\{[^}]*\\})? [1-9]");
        given().auth()
                .oauth2(Tokens.operator("TELIA"))
                .get("/api/v1/interop/parked")
                .then()
                .statusCode(403);
    }

    @Test
    void theHubAcceptsOnlyOurOwnTokenAsTheRealHubWould() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = """
                {"version":1,"messageId":"probe","kind":"NUMBER_RETURNED","sender":"FLYT","number":"+4591000000"}""";
        int[] statuses = new int[3];
        String[] tokens = {null, Tokens.operator("TELIA"), Tokens.token("operator-FLYT", "FLYT", "np-operator")};
        for (int i = 0; i < 3; i++) {
            var request = HttpRequest.newBuilder(URI.create(hub.url() + "/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (tokens[i] != null) {
                request.header("Authorization", "Bearer " + tokens[i]);
            }
            statuses[i] = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
        assertThat(statuses).containsExactly(401, 403, 202);
    }
}

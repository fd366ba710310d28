package dk.flyt.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue as agents read it: what waits, why, since when, for which customer. */
class QueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRejectedOrFailedLineSaysWhyAndAnOrderWithoutOneSaysItsState() throws Exception {
        List<Queue.Item> items = Queue.orders(JSON.readTree("""
                [{"id":"o-1","customerId":"c-1","status":"ACTION_REQUIRED","createdAt":"2026-12-07T08:00:00Z",
                  "lines":[{"actionRequired":true,"step":"PORT_REJECTED","rejectCode":"ICCID_MISMATCH","number":"+4526000001"},
                           {"actionRequired":false,"step":"ACTIVE","number":"+4526000002"},
                           {"actionRequired":true,"step":"PORT_FAILED","rejectCode":null,"number":"+4526000003"}]},
                 {"id":"o-2","customerId":"c-2","status":"PENDING_CREDIT_CHECK","createdAt":"2026-12-07T08:00:00Z","lines":[]}]
                """));
        assertThat(items)
                .extracting(Queue.Item::why)
                .containsExactly(
                        "portering afvist (ICCID_MISMATCH) for +4526000001; portering fejlet for +4526000003",
                        "venter på kreditvurdering");
        assertThat(items).extracting(Queue.Item::customerId).containsExactly("c-1", "c-2");
        assertThat(items.get(0).since()).isEqualTo("07-12-2026 09:00:00");
    }

    @Test
    void parkedHubMessagesKnowNoCustomerAndOverdueComplaintsSayWhichDeadlinePassed() throws Exception {
        Queue q = new Queue(
                List.of(),
                Queue.parked(JSON.readTree("""
                        [{"kind":"PORT_ANSWER","sender":"TELIA","dossierId":"d-1","reason":"unknown dossier",
                          "attempts":5,"parkedAt":"2026-12-07T08:00:00Z"}]""")),
                Queue.deadLetters("Faktureringen", JSON.readTree("""
                        [{"type":"CompensationGranted","topic":"porting.events","eventId":"e-1","customerId":"c-4",
                          "error":"source /x does not own porting.events","deadAt":"2026-12-07T08:00:00Z"}]""")),
                Queue.complaints(JSON.readTree("""
                        [{"customerId":"c-3","reason":"roaming","acknowledgementOverdue":false,
                          "decideBy":"2026-12-01T23:00:00Z"}]""")),
                Queue.differences(JSON.readTree("""
                        [{"month":"2027-01","at":"2027-01-02T08:00:00Z","difference":{"subscriptionId":"s-1",
                          "customerId":"c-5","expectedOre":-9900,"bookedOre":-10900}}]""")),
                List.of());
        assertThat(q.parked().get(0).customerId()).isEmpty();
        assertThat(q.parked().get(0).why()).isEqualTo("unknown dossier, 5 forsøg");
        assertThat(q.complaints().get(0).why()).isEqualTo("ikke afgjort i tide");
        assertThat(q.complaints().get(0).since()).isEqualTo("02-12-2026 00:00:00");
        assertThat(q.deadLetters().get(0).what())
                .isEqualTo("Faktureringen: hændelse CompensationGranted på porting.events (e-1)");
        assertThat(q.deadLetters().get(0).customerId()).isEqualTo("c-4");
        assertThat(q.differences().get(0).why()).isEqualTo("opkrævet 109,00 kr, skulle være 99,00 kr");
        assertThat(q.differences().get(0).customerId()).isEqualTo("c-5");
        assertThat(q.size()).isEqualTo(4);
    }
}

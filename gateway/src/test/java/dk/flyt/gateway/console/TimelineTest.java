package dk.flyt.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One timeline from the three services' reports: merged, newest first, each item's kind, cause and who. */
class TimelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Timeline timeline() throws Exception {
        return new Timeline()
                .orders(JSON.readTree("""
                        [{"at":"2026-12-07T08:00:00Z","source":"ORDER","what":"ORDER_APPROVED","detail":"withdrawal deadline 2026-12-21"},
                         {"at":"2026-12-07T09:00:00Z","source":"PORTING","what":"PORT_IN_REJECTED","detail":"ICCID does not match"},
                         {"at":"2026-12-14T01:00:00Z","source":"SUBSCRIPTION","what":"SUBSCRIPTION_ACTIVATED","detail":null}]
                        """))
                .ledger(JSON.readTree("""
                        [{"bookedAt":"2026-12-07T08:00:01Z","kind":"FEE","amount":-9900,"reason":"creation fee"}]
                        """))
                .staff(JSON.readTree("""
                        [{"at":"2026-12-08T09:59:00Z","action":"CUSTOMER_READ","actor":"agent-1","reason":null},
                         {"at":"2026-12-08T10:00:00Z","action":"PORT_IN_CORRECTED","actor":"agent-1","reason":"new ICCID"}]
                        """));
    }

    @Test
    void itemsFromEveryServiceAreOneListNewestFirst() throws Exception {
        List<Timeline.Item> items = timeline().items(Optional.empty());
        assertThat(items)
                .extracting(Timeline.Item::what)
                .containsExactly(
                        "SUBSCRIPTION_ACTIVATED",
                        "PORT_IN_CORRECTED",
                        "PORT_IN_REJECTED",
                        "FEE -99,00 kr",
                        "ORDER_APPROVED");
        assertThat(items)
                .extracting(Timeline.Item::kind)
                .containsExactly(
                        Timeline.Kind.SUBSCRIPTION,
                        Timeline.Kind.STAFF,
                        Timeline.Kind.PORTING,
                        Timeline.Kind.MONEY,
                        Timeline.Kind.ORDER);
        assertThat(items.get(1).who()).isEqualTo("agent-1");
        assertThat(items.get(1).why()).isEqualTo("new ICCID");
        assertThat(items.get(0).why()).isEmpty();
        assertThat(items.get(0).at()).isEqualTo("14-12-2026 02:00:00");
    }

    @Test
    void ofTwoAtTheSameInstantTheOneReportedLaterIsNewer() throws Exception {
        Timeline t = new Timeline().orders(JSON.readTree("""
                [{"at":"2026-12-07T08:00:00Z","source":"ORDER","what":"ORDER_PLACED"},
                 {"at":"2026-12-07T08:00:00Z","source":"ORDER","what":"ORDER_APPROVED"}]
                """));
        assertThat(t.items(Optional.empty()))
                .extracting(Timeline.Item::what)
                .containsExactly("ORDER_APPROVED", "ORDER_PLACED");
    }

    @Test
    void theStaffsLooksAreListedWithTheStaffsItemsOnly() throws Exception {
        assertThat(timeline().items(Optional.empty()))
                .extracting(Timeline.Item::what)
                .doesNotContain("CUSTOMER_READ");
        assertThat(timeline().items(Optional.of(Timeline.Kind.STAFF)))
                .extracting(Timeline.Item::what)
                .containsExactly("PORT_IN_CORRECTED", "CUSTOMER_READ");
    }

    @Test
    void narrowedToOneKindOnlyThatKindIsShown() throws Exception {
        assertThat(timeline().items(Timeline.Kind.named("porting")))
                .extracting(Timeline.Item::what)
                .containsExactly("PORT_IN_REJECTED");
        assertThat(Timeline.Kind.named("nonsense")).isEmpty();
        assertThat(Timeline.Kind.named(null)).isEmpty();
    }

    @Test
    void compensationsAndEachStepOfAComplaintAreMoneyItems() throws Exception {
        List<Timeline.Item> items = new Timeline()
                .compensations(JSON.readTree("""
                        [{"grantedAt":"2026-12-09T08:00:00Z","kind":"INTERRUPTION","amount":10000,"caseId":"case-1",
                          "origin":"agent-1"}]"""))
                .complaints(JSON.readTree("""
                        [{"openedAt":"2026-12-08T08:00:00Z","amountOre":1250,"reason":"roaming",
                          "acknowledgedAt":"2026-12-08T09:00:00Z","decidedAt":"2026-12-10T09:00:00Z","outcome":"UPHELD"},
                         {"openedAt":"2026-12-11T08:00:00Z","amountOre":0,"reason":"rude","acknowledgedAt":null}]"""))
                .items(Optional.of(Timeline.Kind.MONEY));
        assertThat(items)
                .extracting(Timeline.Item::what)
                .containsExactly(
                        "Klage oprettet (0,00 kr)",
                        "Klage afgjort: UPHELD",
                        "Godtgørelse INTERRUPTION 100,00 kr",
                        "Klage kvitteret",
                        "Klage oprettet (12,50 kr)");
        assertThat(items.get(2).who()).isEqualTo("agent-1");
        assertThat(items.get(2).why()).isEqualTo("portering case-1");
    }

    @Test
    void agentsReadTheCodesInDanishAndAnUnknownCodeAsItIs() throws Exception {
        List<Timeline.Item> items = timeline().items(Optional.empty());
        assertThat(items.get(2).label()).isEqualTo("Portering afvist af afgivende operatør");
        assertThat(new Timeline()
                        .orders(JSON.readTree("[{\"at\":\"2026-12-07T08:00:00Z\",\"what\":\"SOMETHING_NEW\"}]"))
                        .items(Optional.empty())
                        .get(0)
                        .label())
                .isNull();
    }
}

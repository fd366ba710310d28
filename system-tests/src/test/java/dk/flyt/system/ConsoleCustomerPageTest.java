package dk.flyt.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.testing.Browser;
import dk.flyt.testing.TestData;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's search and customer page over the local stack with Keycloak: an agent finds a customer by phone
 * number and by CPR (a POST: the number is never in a URL, and not shown back), opens a contact, sees the profile with
 * the CPR masked, the subscriptions and the balance, and sees the CPR whole only after giving a reason, which the
 * audit then lists (R-DATA-01, R-DATA-02).
 */
class ConsoleCustomerPageTest {
    static ConsoleStack stack;

    @BeforeAll
    static void start() {
        stack = ConsoleStack.get();
    }

    @Test
    void R_DATA_01_anAgentFindsACustomerSeesTheProfileMaskedAndTheCprOnlyWithAReasonThatIsAudited() {
        String gw = stack.gateway();
        String cpr = TestData.cpr();
        String number = TestData.mobileNumber();
        String customer = ConsoleLoginTest.aCustomer(
                TestData.privateCustomer(cpr), List.of(TestData.portInLine(number, TestData.iccid())));
        Browser browser = new Browser();
        HttpResponse<String> home = ConsoleLoginTest.login(browser, gw + "/console");
        String csrf = Browser.hidden(home.body(), "csrf-token");

        // by the number as a customer says it
        String local = number.substring(3);
        HttpResponse<String> byNumber = browser.post(
                gw + "/console/search",
                Map.of("csrf-token", csrf, "query", local.substring(0, 2) + " " + local.substring(2)));
        assertThat(byNumber.statusCode()).isEqualTo(200);
        assertThat(byNumber.body()).contains("/console/customers/" + customer);
        // by CPR: found, and the number is not shown back in the search box
        HttpResponse<String> byCpr = browser.post(gw + "/console/search", Map.of("csrf-token", csrf, "query", cpr));
        assertThat(byCpr.body()).contains("/console/customers/" + customer).doesNotContain(cpr.substring(7));
        assertThat(byCpr.uri().toString()).doesNotContain(cpr.substring(0, 6));

        String page = gw + "/console/customers/" + customer;
        HttpResponse<String> opened = browser.follow(browser.post(
                page + "/contacts",
                Map.of("csrf-token", csrf, "channel", "PHONE", "reason", "Kunden spørger til sin portering")));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body())
                .contains("id=\"profile-name\"")
                .contains(cpr.substring(0, 6) + "-XXXX")
                .doesNotContain(cpr)
                .contains(number)
                .contains("id=\"balance\"")
                .contains("Vis CPR");

        // a reveal without a reason is refused next to the field, and shows nothing
        HttpResponse<String> noReason = browser.post(page + "/cpr", Map.of("csrf-token", csrf, "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"cprReason-error\"").doesNotContain(cpr);

        HttpResponse<String> revealed =
                browser.post(page + "/cpr", Map.of("csrf-token", csrf, "reason", "Kunden skal bekræfte sin identitet"));
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains(cpr).contains("CPR_REVEALED");
        assertThat(revealed.uri().toString()).doesNotContain(cpr.substring(0, 6));
        assertThat(browser.get(page).body())
                .as("shown once, masked again after")
                .doesNotContain(cpr);
        assertThat(ConsoleLoginTest.agentsAudit(customer))
                .anySatisfy(e -> {
                    assertThat(e.get("action")).isEqualTo("CPR_REVEALED");
                    assertThat(e.get("actor")).isEqualTo(ConsoleLoginTest.AGENT);
                    assertThat(e.get("reason")).isEqualTo("Kunden skal bekræfte sin identitet");
                })
                .anySatisfy(e -> {
                    assertThat(e.get("action")).isEqualTo("CUSTOMER_FOUND");
                    assertThat(e.get("reason")).isEqualTo("search by CPR");
                });
    }
}

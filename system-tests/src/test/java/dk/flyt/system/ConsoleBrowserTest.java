package dk.flyt.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dk.flyt.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agents' console in real Chromium, over the local stack with Keycloak: the login on Keycloak's page, finding a
 * customer by number, a problem detail shown next to the wrong field, opening a contact, the CPR shown with a reason
 * and then in the audit, the pages passing axe-core at WCAG 2.1 AA, and logout. The screenshots in
 * {@code docs/console/} are written here.
 */
class ConsoleBrowserTest {
    static ConsoleStack stack;
    static Chromium chromium;

    @BeforeAll
    static void start() {
        stack = ConsoleStack.get();
        chromium = new Chromium();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void R_DATA_01_anAgentLogsInFindsACustomerOpensAContactSeesTheCprWithAReasonAndLogsOut() {
        String cpr = TestData.cpr();
        String number = TestData.mobileNumber();
        String customer = ConsoleLoginTest.aCustomer(
                TestData.privateCustomer(cpr), List.of(TestData.portInLine(number, TestData.iccid())));
        try (BrowserContext context = chromium.browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();

            // the login, on Keycloak's own page
            page.navigate(stack.gateway() + "/console");
            page.waitForURL(Pattern.compile(Pattern.quote(stack.issuer()) + ".*"));
            page.fill("#username", "agent");
            page.fill("#password", "agent");
            page.click("#kc-login");
            page.waitForURL(stack.gateway() + "/console");
            assertThat(page.locator("#agent-name")).hasText("Anna Agent");
            noAccessibilityViolations(page, "the search page");

            // finding the customer by the number as they say it, with the keyboard
            String local = number.substring(3);
            page.locator("#query").focus();
            page.keyboard().type(local.substring(0, 2) + " " + local.substring(2, 4) + " " + local.substring(4));
            page.keyboard().press("Enter");
            assertThat(page.locator("#hits a")).hasCount(1);
            page.click("#hits a");
            page.waitForURL(stack.gateway() + "/console/customers/" + customer);

            // a problem detail of the service, next to the field it names
            page.selectOption("#channel", "PHONE");
            page.click("#open-contact button[type=submit]");
            assertThat(page.locator("#reason-error")).isVisible();
            assertThat(page.locator("#reason")).hasAttribute("aria-invalid", "true");
            screenshot(page, "contact-form.png");

            page.fill("#reason", "Kunden spørger til sin portering");
            page.click("#open-contact button[type=submit]");
            assertThat(page.locator("#close-contact")).isVisible();
            assertThat(page.locator("#cpr")).hasText(cpr.substring(0, 6) + "-XXXX");
            assertThat(page.locator("#subscriptions")).containsText(number);
            noAccessibilityViolations(page, "the customer page");
            screenshot(page, "customer.png");

            // the CPR whole, with a reason, and the look in the audit
            page.fill("#cprReason", "Kunden skal bekræfte sin identitet");
            page.click("#reveal-cpr button[type=submit]");
            assertThat(page.locator("#cpr")).hasText(cpr);
            assertThat(page.locator("#timeline")).containsText("CPR_REVEALED");
            // one timeline: the order's steps, the money and the staff's actions; narrowed to one kind on request
            assertThat(page.locator("#timeline")).containsText("ORDER_APPROVED");
            assertThat(page.locator("#timeline")).containsText("CONTACT_OPENED");
            page.click("nav.filters >> text=Ordre");
            assertThat(page.locator("#timeline")).containsText("ORDER_APPROVED");
            assertThat(page.locator("#timeline")).not().containsText("CONTACT_OPENED");
            assertThat(page.url()).doesNotContain(cpr.substring(0, 6));

            page.click("a.logout");
            // Keycloak sends the browser back with the logout's state
            page.waitForURL(Pattern.compile(Pattern.quote(stack.gateway() + "/console/signed-out") + "(\\?.*)?"));
            assertThat(page.locator("h1")).hasText("Du er logget ud");
            page.navigate(stack.gateway() + "/console");
            page.waitForURL(Pattern.compile(Pattern.quote(stack.issuer()) + ".*"));
        }
    }

    /** axe-core at WCAG 2.0 and 2.1, levels A and AA. */
    static void noAccessibilityViolations(Page page, String what) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        assertThat(results.getViolations())
                .as(
                        "axe-core on %s: %s",
                        what,
                        results.getViolations().stream()
                                .map(v -> v.getId() + " " + v.getHelp() + " "
                                        + v.getNodes().stream()
                                                .map(n -> n.getTarget().toString())
                                                .toList())
                                .toList())
                .isEmpty();
    }

    /** The console's screenshots in docs/console, written by the tests (README links them). */
    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of(System.getProperty("flyt.docs.console")).resolve(name))
                .setFullPage(true));
    }
}

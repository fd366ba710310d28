package dk.flyt.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.flyt.local.Demo;
import dk.flyt.local.KeycloakTokens;
import dk.flyt.testing.TestData;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent acting from the console in real Chromium, over the local stack with Keycloak: what is stuck shows in the
 * queue and leaves it when the agent corrects it, a rejected port corrected (a wrong value's problem shown next to
 * its field first), a SIM blocked by a double click that blocks once, a compensation worked out by the rules and
 * confirmed, and the demo's customer whose one timeline tells the whole port: rejected, corrected, completed and
 * charged. Writes {@code docs/console/queue.png} and {@code action-form.png} (the correction with the service's problem
 * next to the ICCID).
 */
class ConsoleActionsBrowserTest {
    static ConsoleStack stack;
    static ConsoleStory story;
    static Chromium chromium;
    static BrowserContext context;
    static Page page;

    @BeforeAll
    static void start() {
        stack = ConsoleStack.get();
        story = new ConsoleStory(stack);
        chromium = new Chromium();
        context = chromium.browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.navigate(stack.gateway() + "/console");
        page.waitForURL(Pattern.compile(Pattern.quote(stack.issuer()) + ".*"));
        page.fill("#username", "agent");
        page.fill("#password", "agent");
        page.click("#kc-login");
        page.waitForURL(stack.gateway() + "/console");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The customer's page with a contact opened on it (the reason as an agent would write it). */
    private static void openCustomer(String customerId, String reason) {
        page.navigate(stack.gateway() + "/console/customers/" + customerId);
        if (page.locator("#open-contact").count() > 0) {
            page.selectOption("#channel", "PHONE");
            page.fill("#reason", reason);
            page.click("#open-contact button[type=submit]");
        }
        assertThat(page.locator("#close-contact")).isVisible();
    }

    @Test
    void R_PORT_01_aRejectedPortWaitsInTheQueueUntilTheAgentCorrectsItNextToTheFieldTheServiceNamed() {
        story.freshMonday();
        String right = TestData.iccid();
        ConsoleStory.Placed p = story.portIn(right, TestData.iccid());
        story.ship(p);
        story.order(p, o -> "ACTION_REQUIRED".equals(o.get("status").asText()), "the donor's rejection");

        page.navigate(stack.gateway() + "/console/queue");
        Locator row = page.locator("#queue-orders tr", new Page.LocatorOptions().setHasText(p.orderId()));
        assertThat(row).containsText("portering afvist (ICCID_MISMATCH)");
        ConsoleBrowserTest.noAccessibilityViolations(page, "the queue");
        ConsoleBrowserTest.screenshot(page, "queue.png");
        row.locator("a").click();
        page.waitForURL(stack.gateway() + "/console/customers/" + p.customerId());
        openCustomer(p.customerId(), "Kunden ringer om sin afviste portering");
        assertThat(page.locator("#stuck")).containsText("afvist (ICCID_MISMATCH)");

        String form = "#ret-portering-" + p.lineId();
        page.fill(form + "-donorIccid", "12345");
        page.click(form + " button[type=submit]");
        assertThat(page.locator(form + "-donorIccid-error")).isVisible();
        assertThat(page.locator(form + "-donorIccid")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator(form + "-donorIccid")).hasValue("12345");
        page.locator(form)
                .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                        .setPath(java.nio.file.Path.of(System.getProperty("flyt.docs.console"))
                                .resolve("action-form.png")));

        page.fill(form + "-donorIccid", right);
        page.click(form + " button[type=submit]");
        assertThat(page.locator("#done")).containsText("Porteringen er rettet");
        assertThat(page.locator("#stuck")).hasCount(0);
        assertThat(page.locator("#timeline")).containsText("PORT_IN_CORRECTED");
        story.step(p, "PORT_SCHEDULED");

        page.navigate(stack.gateway() + "/console/queue");
        assertThat(page.locator("#queue-orders")).not().containsText(p.orderId());
    }

    @Test
    void R_SUB_10_aDoubleClickOnBlockBlocksTheSimOnceAndTheTimelineShowsTheAgent() {
        story.freshMonday();
        ConsoleStory.Placed p = story.newNumber();
        story.ship(p);
        String subscription = story.firstUse(p);
        story.step(p, "ACTIVE");
        openCustomer(p.customerId(), "SIM-kortet er stjålet");

        // R-SUB-03: a plan change is shown with when it takes effect and why then
        page.locator("#actions-" + subscription + " summary").click();
        page.selectOption("#skift-plan-" + subscription + "-planCode", "BASIC");
        page.click("form:has(#skift-plan-" + subscription + "-planCode) button[type=submit]");
        assertThat(page.locator("#done")).containsText("Planskiftet er bestilt");
        page.locator("#actions-" + subscription + " summary").click();
        assertThat(page.locator("#actions-" + subscription + " .plan-changes")).containsText("1st of the next month");

        page.locator("#spaer-sim-" + subscription).dblclick();
        assertThat(page.locator("#done")).containsText("SIM-kortet er spærret");
        assertThat(page.locator("#subscriptions")).containsText("BLOCKED");
        assertThat(page.locator("#timeline tr", new Page.LocatorOptions().setHasText("BLOCKED")))
                .hasCount(1);
        page.click("nav.filters >> text=Personale");
        assertThat(page.locator("#timeline tr", new Page.LocatorOptions().setHasText("BLOCK")))
                .hasCount(1);
        assertThat(page.locator("#timeline")).containsText(KeycloakTokens.PEOPLE.get("agent"));

        // the new SIM's fee is shown before the line is opened again
        page.navigate(stack.gateway() + "/console/customers/" + p.customerId());
        page.locator("#actions-" + subscription + " summary").click();
        assertThat(page.locator("#actions-" + subscription)).containsText("Et nyt SIM-kort koster 49,00 kr");
    }

    @Test
    void R_COMP_03_anInterruptionOfALatePortIsWorkedOutByTheRulesShownAndGrantedOnConfirmation() {
        LocalDate monday = story.freshMonday();
        String sim = TestData.iccid();
        ConsoleStory.Placed p = story.portIn(sim, sim);
        story.client.hub("PUT", "/behaviours/" + p.number(), "PARTIAL_ROUTING");
        story.ship(p);
        JsonNode scheduled = story.step(p, "PORT_SCHEDULED");
        LocalDate portDate = LocalDate.parse(scheduled.at("/lines/0/portDate").asText());
        String caseId = scheduled.at("/lines/0/portInId").asText();
        assertThat(portDate).isAfterOrEqualTo(monday);
        story.moveTo(portDate, LocalTime.of(2, 0, 30));
        Journey.await(
                () -> story.client
                        .get(
                                dk.flyt.local.ServiceSettings.PORTING,
                                "/api/v1/port-ins?number="
                                        + java.net.URLEncoder.encode(
                                                p.number(), java.nio.charset.StandardCharsets.UTF_8),
                                "agent")
                        .at("/0/state")
                        .asText(),
                "EXECUTING"::equals,
                "the port's execution");
        // not every network routed the number until two days later at 09:00: 55 hours over three calendar days
        story.moveTo(portDate.plusDays(2), LocalTime.of(9, 0));
        story.client.hub("POST", "/routing/" + caseId + "/release", "");
        story.step(p, "ACTIVE");

        openCustomer(p.customerId(), "Kunden havde ingen forbindelse under porteringen");
        String form = "beregn-godtgoerelse-" + p.lineId();
        page.locator("details:has(#" + form + "-kind) summary").click();
        page.selectOption("#" + form + "-kind", "INTERRUPTION");
        page.fill("#" + form + "-faultStartedAt", portDate + "T02:00");
        page.click("form:has(#" + form + "-kind) button[type=submit]");
        // R-COMP-03: 50 kr after 24 hours, 50 kr for each following whole calendar day
        assertThat(page.locator("#quote-amount")).hasText("100,00 kr");
        assertThat(page.locator("#compensations")).not().containsText("INTERRUPTION");
        page.click("#confirm-" + form + " button[type=submit]");
        assertThat(page.locator("#done")).containsText("Godtgørelsen er bevilget");
        assertThat(page.locator("#compensations tr", new Page.LocatorOptions().setHasText("INTERRUPTION")))
                .containsText("100,00 kr");
        assertThat(page.locator("#timeline")).containsText("Godtgørelse INTERRUPTION 100,00 kr");
    }

    @Test
    void theDemosCustomerPageTellsTheWholePortInOneTimeline() throws IOException {
        Demo.run(stack.state);
        String karen = KeycloakTokens.PEOPLE.get("karen");
        openCustomer(karen, "Karen ringer om sin første regning");
        Locator timeline = page.locator("#timeline");
        for (String step : new String[] {
            "PORT_IN_REJECTED", "PORT_IN_CORRECTED", "PORT_IN_COMPLETED", "SUBSCRIPTION_ACTIVATED", "CHARGE"
        }) {
            assertThat(timeline).containsText(step);
        }
        page.click("nav.filters >> text=Personale");
        assertThat(page.locator("#timeline")).containsText("PORT_IN_CORRECTED");
    }
}

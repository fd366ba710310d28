package dk.flyt.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.local.KeycloakTokens;
import dk.flyt.testing.Browser;
import dk.flyt.testing.TestData;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agents' console behind the code flow with PKCE, against Keycloak as the local stack runs it: an agent logs in on
 * Keycloak's own login page through the gateway, opens a contact with a customer from a console form (CSRF-protected),
 * and the subscription service's audit names that agent, because the console called it with the agent's own token.
 * Logging out (RP-initiated) and Keycloak ending the agent's session (back-channel) each end the console session.
 */
class ConsoleLoginTest {
    static final String AGENT = KeycloakTokens.PEOPLE.get("agent");
    static ConsoleStack stack;

    @BeforeAll
    static void start() {
        stack = ConsoleStack.get();
    }

    @Test
    void anAgentLogsInWithPkceActsAsThemselvesAndLogsOut() {
        String gw = stack.gateway();
        Browser browser = new Browser();
        HttpResponse<String> home = login(browser, gw + "/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Anna Agent");
        HttpCookie session = sessionCookie(browser, gw);
        assertThat(session.isHttpOnly()).as("the session cookie is HttpOnly").isTrue();
        assertThat(session.getPath()).isEqualTo("/console");

        String customer = aCustomer();
        String page = gw + "/console/customers/" + customer;
        HttpResponse<String> form = browser.get(page);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Åbn en kontakt");
        String csrf = Browser.hidden(form.body(), "csrf-token");

        // a form without its CSRF token changes nothing
        HttpResponse<String> forged = browser.post(page + "/contacts", Map.of("channel", "PHONE", "reason", "forged"));
        assertThat(forged.statusCode()).isEqualTo(400);
        // the service's problem is shown next to the field it names
        HttpResponse<String> invalid =
                browser.post(page + "/contacts", Map.of("csrf-token", csrf, "channel", "PHONE", "reason", ""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"reason-error\"").contains("aria-invalid=\"true\"");
        assertThat(agentsAudit(customer)).as("neither reached the service").isEmpty();

        HttpResponse<String> opened = browser.follow(browser.post(
                page + "/contacts",
                Map.of("csrf-token", csrf, "channel", "PHONE", "reason", "Kunden ringer om sin ordre")));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body())
                .contains("Luk kontakt")
                .contains("CONTACT_OPENED")
                .contains(AGENT);
        List<Map<String, Object>> audit = agentsAudit(customer);
        assertThat(audit)
                .as("the subscription service recorded the logged-in agent, not the gateway")
                .anySatisfy(e -> {
                    assertThat(e.get("action")).isEqualTo("CONTACT_OPENED");
                    assertThat(e.get("actor")).isEqualTo(AGENT);
                    assertThat(e.get("reason")).isEqualTo("Kunden ringer om sin ordre");
                });

        // an htmx request within the session is answered as a page
        assertThat(browser.get(page, "HX-Request", "true").statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = browser.follow(browser.get(gw + "/console/logout"));
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.uri().getPath()).isEqualTo("/console/signed-out");
        assertThat(signedOut.body()).contains("Du er logget ud");
        HttpResponse<String> after = browser.get(gw + "/console");
        assertThat(after.statusCode())
                .as("no session after logout: to the login page")
                .isEqualTo(302);
        assertThat(Browser.location(after)).startsWith(stack.issuer());
        assertThat(browser.get(page, "HX-Request", "true").statusCode())
                .as("htmx learns the session is gone without a redirect it cannot follow")
                .isEqualTo(499);
        // a copy of the session cookie kept from before the logout opens nothing either: Keycloak ended the session
        // and told the gateway over the back channel
        Browser replay = new Browser();
        replay.add(gw + "/console", session);
        assertThat(Journey.await(() -> replay.get(gw + "/console"), r -> r.statusCode() != 200, "the session ends")
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void whenKeycloakEndsTheAgentsSessionTheConsoleSessionEndsToo() {
        String gw = stack.gateway();
        Browser browser = new Browser();
        assertThat(login(browser, gw + "/console").statusCode()).isEqualTo(200);
        HttpCookie session = sessionCookie(browser, gw);

        // the provider ends every session of the agent, and tells the gateway over the back channel
        given().baseUri(stack.stack.keycloakUrl())
                .auth()
                .oauth2(stack.adminToken())
                .when()
                .post("/admin/realms/flyt/users/{id}/logout", AGENT)
                .then()
                .statusCode(204);

        Browser replay = new Browser();
        replay.add(gw + "/console", session);
        HttpResponse<String> again = Journey.await(
                () -> replay.get(gw + "/console"), r -> r.statusCode() != 200, "the console session ends");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(Browser.location(again)).startsWith(stack.issuer());
    }

    @Test
    void theSessionOutlivesItsTokensBecauseTheGatewayRefreshesThem() throws InterruptedException {
        String gw = stack.gateway();
        String admin = stack.adminToken();
        String keycloak = stack.stack.keycloakUrl();
        String client = given().baseUri(keycloak)
                .auth()
                .oauth2(admin)
                .queryParam("clientId", "flyt-console")
                .get("/admin/realms/flyt/clients")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        Map<String, Object> representation = given().baseUri(keycloak)
                .auth()
                .oauth2(admin)
                .get("/admin/realms/flyt/clients/{id}", client)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) representation.get("attributes");
        // the console's tokens live 10 s: well within the gateway's 60 s refresh margin from the start
        attributes.put("access.token.lifespan", "10");
        updateClient(keycloak, admin, client, representation);
        try {
            Browser browser = new Browser();
            assertThat(login(browser, gw + "/console").statusCode()).isEqualTo(200);
            Thread.sleep(12_000);
            HttpResponse<String> later = browser.get(gw + "/console");
            assertThat(later.statusCode())
                    .as("past the first tokens' expiry the agent is still logged in: the gateway refreshed them")
                    .isEqualTo(200);
            assertThat(later.headers().allValues("Set-Cookie"))
                    .as("the refreshed tokens are the new session cookie")
                    .anyMatch(c -> c.startsWith("q_session"));
        } finally {
            // back to the realm's lifespan
            attributes.put("access.token.lifespan", "3600");
            updateClient(keycloak, admin, client, representation);
        }
    }

    private static void updateClient(String keycloak, String admin, String id, Map<String, Object> representation) {
        given().baseUri(keycloak)
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(representation)
                .put("/admin/realms/flyt/clients/{id}", id)
                .then()
                .statusCode(204);
    }

    /** From a console page to Keycloak's login page, the agent's credentials, and back: the page asked for. */
    static HttpResponse<String> login(Browser browser, String url) {
        HttpResponse<String> toProvider = browser.get(url);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = Browser.location(toProvider);
        assertThat(authorize)
                .startsWith(ConsoleStack.get().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256");
        HttpResponse<String> loginPage = browser.get(authorize);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> back = browser.post(
                Browser.formAction(loginPage.body(), "kc-form-login"),
                Map.of("username", "agent", "password", "agent", "credentialId", ""));
        assertThat(back.statusCode())
                .as("Keycloak accepts the agent: %s %s", back.headers().map(), back.body())
                .isEqualTo(302);
        assertThat(Browser.location(back)).startsWith(ConsoleStack.get().gateway() + "/console/callback");
        return browser.follow(back);
    }

    private static HttpCookie sessionCookie(Browser browser, String gw) {
        return browser.cookies(gw + "/console").stream()
                .filter(c -> c.getName().startsWith("q_session"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + browser.cookies(gw + "/console")));
    }

    /** A customer created by a web shop order through the gateway, with Keycloak's web shop token. */
    static String aCustomer() {
        return aCustomer(TestData.privateCustomer(TestData.cpr()), List.of(TestData.newNumberLine("MOBILE_10GB", 0)));
    }

    static String aCustomer(Map<String, Object> customer, List<Map<String, Object>> lines) {
        return given().baseUri(ConsoleStack.get().gateway())
                .auth()
                .oauth2(ConsoleStack.get().tokens.token("webshop"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(TestData.webshopOrder(customer, lines))
                .when()
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("customerId");
    }

    /**
     * What the subscription service's audit lists as done by the agent on the customer, read through the gateway with
     * the agent's own token (password grant) in a contact of its own; its own reads left out.
     */
    static List<Map<String, Object>> agentsAudit(String customer) {
        String token = ConsoleStack.get().tokens.token("agent");
        String contact = given().baseUri(ConsoleStack.get().gateway())
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("channel", "CHAT", "reason", "checking the audit"))
                .when()
                .post("/api/v1/customers/{c}/contacts", customer)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath audit = given().baseUri(ConsoleStack.get().gateway())
                .auth()
                .oauth2(token)
                .header("Flyt-Contact-Id", contact)
                .when()
                .get("/api/v1/customers/{c}/audit", customer)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        given().baseUri(ConsoleStack.get().gateway())
                .auth()
                .oauth2(token)
                .when()
                .post("/api/v1/customers/{c}/contacts/{id}/close", customer, contact)
                .then()
                .statusCode(200);
        List<Map<String, Object>> entries = audit.getList("$");
        return entries.stream()
                .filter(e -> !contact.equals(e.get("contactId")))
                .filter(e -> !"CONTACT_CLOSED".equals(e.get("action")) || !contact.equals(e.get("target")))
                .toList();
    }
}

package dk.flyt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dk.flyt.local.ServiceSettings;
import dk.flyt.local.StackClient;
import dk.flyt.testing.Browser;
import dk.flyt.testing.TestData;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * How long an agent waits for a customer's page in the console. Against the running local stack ({@code bin/flyt
 * run}: real PostgreSQL, Kafka, Keycloak, the three services and the gateway), a new customer is given at least N
 * items on their timeline (an order, then complaints, each an item of its own and the agent's action on it); the agent
 * logs in on Keycloak's page and opens a contact; then the page is fetched again and again, one after the other, as an
 * agent reloading it would. Each fetch is the whole page: the gateway's session check, the one read of each service
 * (the subscription service's overview, billing's, porting's compensations), the merge and the rendering. Prints the
 * distribution and one {@code BENCH} line; the target is under 300 ms for 200 items.
 *
 * <p>{@code java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dk.flyt.bench.ConsolePageBench [items,
 * default 200] [fetches measured, default 100] [fetches of warm-up, default 30]}
 */
public final class ConsolePageBench {
    private static final Pattern ITEM = Pattern.compile("<tr class=\"kind-");

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int fetches = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        StackClient stack = new StackClient(Path.of(".flyt").toAbsolutePath());
        String gateway = stack.url("gateway");

        String customer = seed(stack, items);
        Browser browser = new Browser();
        String page = gateway + "/console/customers/" + customer;
        login(browser, page);
        HttpResponse<String> first = browser.get(page);
        if (first.body().contains("id=\"open-contact\"")) {
            browser.follow(browser.post(
                    page + "/contacts",
                    Map.of(
                            "csrf-token", Browser.hidden(first.body(), "csrf-token"),
                            "channel", "PHONE",
                            "reason", "benchmark of the customer page")));
        }
        int shown = count(browser.get(page).body());
        if (shown < items) {
            throw new IllegalStateException("the page shows " + shown + " timeline items, not " + items);
        }
        System.out.printf("console page: %d timeline items, %d fetches after %d of warm-up%n", shown, fetches, warmup);
        for (int i = 0; i < warmup; i++) {
            fetch(browser, page);
        }
        Histogram h = new Histogram(3);
        for (int i = 0; i < fetches; i++) {
            h.recordValue(fetch(browser, page));
        }
        System.out.printf(
                Locale.ROOT,
                "page: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target < 300 ms)%n",
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()));
        System.out.printf(
                Locale.ROOT,
                "BENCH name=console-page items=%d fetches=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                shown,
                fetches,
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()));
    }

    /** A customer with at least {@code items} timeline items: a web shop order, then complaints filed by an agent. */
    private static String seed(StackClient stack, int items) {
        JsonNode order = stack.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/orders",
                "webshop",
                TestData.webshopOrder(
                        TestData.privateCustomer(TestData.cpr()), List.of(TestData.newNumberLine("MOBILE_10GB", 0))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String customer = order.get("customerId").asText();
        String contact = stack.call(
                        "POST",
                        ServiceSettings.SUBSCRIPTION,
                        "/api/v1/customers/" + customer + "/contacts",
                        "agent",
                        Map.of("channel", "CHAT", "reason", "benchmark data"),
                        Map.of())
                .get("id")
                .asText();
        // the order's own steps are a handful of items; each complaint is two (the complaint and the agent's action)
        for (int i = 0; i < (items + 1) / 2; i++) {
            complaint(stack, customer, contact, i);
        }
        stack.call(
                "POST",
                ServiceSettings.SUBSCRIPTION,
                "/api/v1/customers/" + customer + "/contacts/" + contact + "/close",
                "agent",
                null,
                Map.of());
        return customer;
    }

    private static void complaint(StackClient stack, String customer, String contact, int i) {
        for (int attempt = 0; ; attempt++) {
            try {
                stack.call(
                        "POST",
                        ServiceSettings.BILLING,
                        "/api/v1/accounts/" + customer + "/complaints",
                        "agent",
                        Map.of("amount", 100 * (i + 1), "reason", "benchmark complaint " + i),
                        Map.of(
                                "Flyt-Contact-Id",
                                contact,
                                "Idempotency-Key",
                                UUID.randomUUID().toString()));
                return;
            } catch (IllegalStateException notYet) {
                // the account opens, and the contact reaches billing, a moment after the order
                if (attempt > 100) {
                    throw notYet;
                }
                sleep(200);
            }
        }
    }

    /** From the page to Keycloak's login page, the agent's credentials, and back. */
    private static void login(Browser browser, String page) {
        HttpResponse<String> loginPage = browser.follow(browser.get(page));
        HttpResponse<String> back = browser.post(
                Browser.formAction(loginPage.body(), "kc-form-login"),
                Map.of("username", "agent", "password", "agent", "credentialId", ""));
        HttpResponse<String> landed = browser.follow(back);
        if (landed.statusCode() != 200) {
            throw new IllegalStateException("the login did not land on the page: " + landed.statusCode());
        }
    }

    /** One fetch of the page, in microseconds. */
    private static long fetch(Browser browser, String page) {
        long start = System.nanoTime();
        HttpResponse<String> r = browser.get(page);
        long micros = (System.nanoTime() - start) / 1_000;
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the page answered " + r.statusCode());
        }
        return micros;
    }

    private static int count(String html) {
        Matcher m = ITEM.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConsolePageBench() {}
}

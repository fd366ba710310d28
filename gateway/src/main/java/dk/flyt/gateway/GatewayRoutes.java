package dk.flyt.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The gateway's one job: every {@code /api/**} request goes, as it came and with its body streamed, to the service
 * the route table names ({@code vertx-http-proxy}), after the bearer token was validated (quarkus-oidc, the
 * permissions in {@code application.properties}) and the caller's rate checked. It strips every identity or forwarding
 * header a client sent, sets {@code X-Forwarded-*}, a fresh {@code traceparent} and {@code X-Correlation-Id} itself,
 * relays the token (the services validate it again), and answers what it cannot route as problem+json: 404 for a
 * path no service serves (the test clock included), 429 over a limit, 503 naming the service that does not answer
 * and 504 for one that answers too late ({@link UpstreamGuard}).
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger ACCESS = Logger.getLogger("dk.flyt.gateway.access");

    /** What a client may not tell a service about who it is or where it came from. */
    static final List<String> STRIPPED = List.of(
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "x-forwarded-port",
            "x-forwarded-prefix",
            "x-real-ip",
            "x-client-ip",
            "x-original-url",
            "x-rewrite-url",
            "x-user",
            "x-user-id",
            "x-remote-user",
            "x-auth-user",
            "x-authenticated-user",
            "x-forwarded-user",
            "x-forwarded-email",
            "x-forwarded-access-token",
            "x-operator-id",
            "traceparent",
            "tracestate",
            "x-correlation-id");

    void routes(
            @Observes Router router, Vertx vertx, GatewayConfig config, UpstreamGuards guards, MeterRegistry meters) {
        // every request, the console's pages and the proxied APIs alike: a correlation id, the security headers on
        // the answer, one access-log line and the timer by route group and upstream
        router.route().order(-1000).handler(rc -> observe(rc, config, meters));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true));
        RouteTable table = RouteTable.of(config.routes(), config.neverRouted());
        Map<String, HttpProxy> proxies = new HashMap<>();
        config.routes().forEach((name, route) -> {
            RouteTable.Upstream u = table.upstream(name);
            SocketAddress origin = SocketAddress.inetSocketAddress(u.port(), u.host());
            // the service's timeout is the request's idle timeout: no answer in time fails (and resets) the request
            long timeout = route.timeout().toMillis();
            proxies.put(
                    name,
                    HttpProxy.reverseProxy(client)
                            .originRequestProvider((request, c) -> c.request(
                                    new RequestOptions().setServer(origin).setIdleTimeout(timeout)))
                            .addInterceptor(guards.of(name)));
        });
        RateLimiter limiter = new RateLimiter(Clock.systemUTC());
        router.route("/api/*").order(100).handler(rc -> proxy(rc, table, proxies, limiter, config));
        // the console's pages: after the login, limited per logged-in agent
        router.route("/console/*").order(100).handler(rc -> {
            if (admitted(rc, limiter, config, rc.get(GROUP))) {
                rc.next();
            }
        });
    }

    private static final String CORRELATION = "flyt.correlation";
    private static final String UPSTREAM = "flyt.upstream";
    private static final String GROUP = "flyt.group";

    private void observe(RoutingContext rc, GatewayConfig config, MeterRegistry meters) {
        long start = System.nanoTime();
        String correlation = traceId();
        rc.put(CORRELATION, correlation);
        HttpServerRequest request = rc.request();
        String path = request.path();
        // the route group once per request: the limits and the access log read it
        String group = group(path, config);
        rc.put(GROUP, group);
        rc.addHeadersEndHandler(v -> securityHeaders(rc));
        rc.addEndHandler(v -> {
            long nanos = System.nanoTime() - start;
            String upstream = rc.get(UPSTREAM) == null ? "none" : rc.get(UPSTREAM);
            int status = rc.response().getStatusCode();
            Timer.builder("flyt_gateway_requests")
                    .description("Requests through the gateway by route group, upstream and status")
                    .tag("group", group)
                    .tag("upstream", upstream)
                    .tag("status", String.valueOf(status))
                    .register(meters)
                    .record(nanos, TimeUnit.NANOSECONDS);
            ACCESS.infof(
                    "%s %s group=%s upstream=%s status=%d ms=%.1f caller=%s correlation=%s",
                    request.method(), path, group, upstream, status, nanos / 1e6, caller(rc), correlation);
        });
        rc.next();
    }

    private void proxy(
            RoutingContext rc,
            RouteTable table,
            Map<String, HttpProxy> proxies,
            RateLimiter limiter,
            GatewayConfig config) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        String correlation = rc.get(CORRELATION);
        Optional<RouteTable.Upstream> upstream = table.match(path);
        if (upstream.isEmpty()) {
            problem(rc, 404, "not-found", "Not Found", "no service behind " + path, Map.of());
            return;
        }
        rc.put(UPSTREAM, upstream.get().name());
        if (!admitted(rc, limiter, config, rc.get(GROUP))) {
            return;
        }
        var headers = request.headers();
        STRIPPED.forEach(headers::remove);
        headers.set(
                "x-forwarded-for",
                request.remoteAddress() == null
                        ? "unknown"
                        : request.remoteAddress().host());
        headers.set("x-forwarded-proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("x-forwarded-host", request.authority().toString());
        }
        headers.set("traceparent", "00-" + correlation + "-" + spanId() + "-01");
        headers.set("x-correlation-id", correlation);
        rc.response().putHeader("X-Correlation-Id", correlation);
        proxies.get(upstream.get().name()).handle(request);
    }

    /** Whether the caller is within the group's limit; if not, the answer is a 429 problem with Retry-After. */
    private static boolean admitted(RoutingContext rc, RateLimiter limiter, GatewayConfig config, String group) {
        int limit =
                config.limits().containsKey(group) ? config.limits().get(group).perMinute() : 600;
        long wait = limiter.admit(group, caller(rc), limit);
        if (wait > 0) {
            problem(
                    rc,
                    429,
                    "too-many-requests",
                    "Too Many Requests",
                    "more than " + limit + " requests a minute to " + group + "; try again in " + wait + " s",
                    Map.of("Retry-After", String.valueOf(wait)));
            return false;
        }
        return true;
    }

    /**
     * The route group for limits and metrics: the group with the longest prefix of the path; else {@code api} under
     * {@code /api}, {@code management} under {@code /q}, {@code static} for the rest.
     */
    static String group(String path, GatewayConfig config) {
        String best = RouteTable.under(path, "/api") ? "api" : RouteTable.under(path, "/q") ? "management" : "static";
        int length = -1;
        for (var e : config.limits().entrySet()) {
            for (String prefix : e.getValue().prefixes()) {
                String p = prefix.strip();
                if (RouteTable.under(path, p) && p.length() > length) {
                    best = e.getKey();
                    length = p.length();
                }
            }
        }
        return best;
    }

    /** The validated token's subject (a client id, a customer, an agent); anonymous callers by address. */
    private static String caller(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity().getPrincipal().getName();
        }
        return rc.request().remoteAddress() == null
                ? "anonymous"
                : "ip:" + rc.request().remoteAddress().host();
    }

    private static void securityHeaders(RoutingContext rc) {
        var h = rc.response().headers();
        h.set("X-Content-Type-Options", "nosniff");
        // the console's pages, scripts and styles are the gateway's own; nothing may frame them
        h.set(
                "Content-Security-Policy",
                "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        if ("https".equals(rc.request().scheme())) {
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    static void problem(
            RoutingContext rc, int status, String slug, String title, String detail, Map<String, String> headers) {
        var response = rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json");
        headers.forEach(response::putHeader);
        response.end(problemJson(status, slug, title, detail, rc.request().path()));
    }

    static String problemJson(int status, String slug, String title, String detail, String instance) {
        return "{\"type\":\"https://flyt.dk/problems/" + slug + "\",\"title\":\"" + json(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(instance) + "\"}";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static String traceId() {
        return hex(16);
    }

    private static String spanId() {
        return hex(8);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

package dk.flyt.gateway;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One upstream's circuit breaker: an upstream that does not answer is a 503 problem naming it; after
 * {@code failures} in a row the gateway stops calling it for {@code openFor} and answers at once, then lets one
 * request through (a failure opens the circuit again, a success closes it). The other routes are not affected.
 */
final class UpstreamBreaker implements ProxyInterceptor {
    private final String service;
    private final int threshold;
    private final long openMillis;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong();

    UpstreamBreaker(String service, int threshold, Duration openFor) {
        this.service = service;
        this.threshold = threshold;
        this.openMillis = openFor.toMillis();
    }

    boolean isOpen() {
        return System.currentTimeMillis() < openUntil.get();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        long now = System.currentTimeMillis();
        long until = openUntil.get();
        if (now < until) {
            return Future.succeededFuture(unavailable(
                    context, "the circuit is open; tried again in " + Math.max(1, (until - now + 999) / 1000) + " s"));
        }
        boolean halfOpen = until > 0;
        return context.sendRequest()
                .map(response -> {
                    failures.set(0);
                    openUntil.set(0);
                    return response;
                })
                .recover(failure -> {
                    if (halfOpen || failures.incrementAndGet() >= threshold) {
                        failures.set(0);
                        openUntil.set(System.currentTimeMillis() + openMillis);
                    }
                    return Future.succeededFuture(unavailable(context, "try again shortly"));
                });
    }

    private ProxyResponse unavailable(ProxyContext context, String why) {
        return context.request()
                .response()
                .setStatusCode(503)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Retry-After", String.valueOf(Math.max(1, openMillis / 1000)))
                .setBody(Body.body(Buffer.buffer(GatewayRoutes.problemJson(
                        503,
                        "upstream-unavailable",
                        "Service Unavailable",
                        service + " does not answer; " + why,
                        context.request().getURI()))));
    }
}

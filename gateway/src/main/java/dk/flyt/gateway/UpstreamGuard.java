package dk.flyt.gateway;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One upstream's circuit breaker (SmallRye Fault Tolerance) and the answers for its failures: an upstream that does
 * not answer within its timeout (the proxied request's idle timeout, set per upstream in {@link GatewayRoutes}, which
 * also resets the request) is a 504 problem naming it, one that cannot be reached a 503; after {@code failures} such
 * failures in a row
 * the circuit opens and the gateway answers 503 at once for {@code openFor}, then lets one request through (a success
 * closes it, a failure opens it again). What the upstream answers itself, errors included, is passed on. The other
 * routes are not affected.
 */
final class UpstreamGuard implements ProxyInterceptor {
    private static final TypeLiteral<CompletionStage<ProxyResponse>> ANSWER = new TypeLiteral<>() {};

    private final String service;
    private final Duration timeout;
    private final Duration openFor;
    private final Guard guard;
    private final AtomicReference<CircuitBreakerState> state = new AtomicReference<>(CircuitBreakerState.CLOSED);

    UpstreamGuard(String service, Duration timeout, GatewayConfig.Breaker breaker) {
        this.service = service;
        this.timeout = timeout;
        this.openFor = breaker.openFor();
        this.guard = Guard.create()
                .withDescription("upstream " + service)
                .withCircuitBreaker()
                .requestVolumeThreshold(breaker.failures())
                .failureRatio(1.0)
                .delay(breaker.openFor().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .onStateChange(state::set)
                .done()
                .withThreadOffload(false)
                .build();
    }

    /** CLOSED, OPEN or HALF_OPEN: readiness reports it per upstream. */
    CircuitBreakerState state() {
        return state.get();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        // sent and answered on this event loop: nothing here waits or changes thread
        CompletionStage<ProxyResponse> answer =
                guard.get(() -> context.sendRequest().toCompletionStage(), ANSWER);
        return Future.fromCompletionStage(answer).recover(failure -> Future.succeededFuture(failed(context, failure)));
    }

    private ProxyResponse failed(ProxyContext context, Throwable failure) {
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return problem(
                    context,
                    504,
                    "upstream-timeout",
                    "Gateway Timeout",
                    service + " did not answer within " + timeout.toMillis() + " ms",
                    false);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return problem(
                    context,
                    503,
                    "upstream-unavailable",
                    "Service Unavailable",
                    service + " does not answer; the circuit is open; tried again in "
                            + Math.max(1, openFor.toSeconds()) + " s",
                    true);
        }
        return problem(
                context,
                503,
                "upstream-unavailable",
                "Service Unavailable",
                service + " does not answer; try again shortly",
                true);
    }

    private ProxyResponse problem(
            ProxyContext context, int status, String slug, String title, String detail, boolean retryAfter) {
        ProxyResponse response = context.request()
                .response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .setBody(Body.body(Buffer.buffer(GatewayRoutes.problemJson(
                        status, slug, title, detail, context.request().getURI()))));
        if (retryAfter) {
            response.putHeader("Retry-After", String.valueOf(Math.max(1, openFor.toSeconds())));
        }
        return response;
    }
}

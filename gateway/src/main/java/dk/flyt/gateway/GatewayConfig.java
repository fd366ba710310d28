package dk.flyt.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The route table and the limits: one piece of configuration ({@code flyt.gateway.*}). */
@ConfigMapping(prefix = "flyt.gateway")
public interface GatewayConfig {
    /** Each upstream service with the path prefixes it serves. */
    Map<String, Route> routes();

    /** Requests per minute per caller, by route group. */
    Map<String, Limit> limits();

    /**
     * Path prefixes that are never routed, whatever the table says: the services' test clock, and their dead letters
     * (each service has its own; the console asks each directly).
     */
    @WithDefault("/api/v1/clock,/api/v1/dead-letters")
    List<String> neverRouted();

    /** When an upstream's circuit opens, and for how long (per upstream, with its timeout). */
    Breaker breaker();

    interface Breaker {
        /** Failures in a row that open the circuit. */
        @WithDefault("5")
        int failures();

        /** How long an open circuit answers at once before one request may try again. */
        @WithDefault("10s")
        Duration openFor();
    }

    /** How long the gateway waits to connect to an upstream. */
    @WithDefault("2s")
    Duration connectTimeout();

    interface Route {
        /** The service's base URL, {@code http://host:port}. */
        String upstream();

        /** The path prefixes it serves, e.g. {@code /api/v1/orders}. */
        List<String> prefixes();

        /** How long the gateway waits for the service's answer before it answers 504 itself. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Where the service serves its OpenAPI document (its management interface); the gateway merges them into
         * one at {@code /q/openapi}. Empty: the service's document is left out.
         */
        java.util.Optional<String> openapi();
    }

    interface Limit {
        /** Path prefixes of the group; a request belongs to the first group whose prefix it has. */
        List<String> prefixes();

        @WithDefault("600")
        int perMinute();
    }
}

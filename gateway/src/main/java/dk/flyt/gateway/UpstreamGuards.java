package dk.flyt.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/** Each upstream's {@link UpstreamGuard}, one per service of the route table, shared by the proxy and readiness. */
@ApplicationScoped
public class UpstreamGuards {
    private final Map<String, UpstreamGuard> guards = new TreeMap<>();

    public UpstreamGuards(GatewayConfig config) {
        config.routes()
                .forEach((name, route) -> guards.put(name, new UpstreamGuard(name, route.timeout(), config.breaker())));
    }

    UpstreamGuard of(String service) {
        return guards.get(service);
    }
}

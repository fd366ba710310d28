package dk.flyt.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether each upstream accepts connections and the state of its circuit, without failing the gateway's
 * readiness because one is down: the other routes still work, and a down service answers a 503 problem naming it.
 */
@Readiness
@ApplicationScoped
public class UpstreamHealth implements HealthCheck {
    private final GatewayConfig config;
    private final UpstreamGuards guards;

    public UpstreamHealth(GatewayConfig config, UpstreamGuards guards) {
        this.config = config;
        this.guards = guards;
    }

    @Override
    public HealthCheckResponse call() {
        RouteTable table = RouteTable.of(config.routes(), config.neverRouted());
        var response = HealthCheckResponse.named("upstreams").up();
        for (String name : config.routes().keySet()) {
            RouteTable.Upstream u = table.upstream(name);
            response.withData(name, reachable(u) ? "UP" : "DOWN");
            response.withData(name + ".circuit", guards.of(name).state().name());
        }
        return response.build();
    }

    private static boolean reachable(RouteTable.Upstream u) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(u.host(), u.port()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

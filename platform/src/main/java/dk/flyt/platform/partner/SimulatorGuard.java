package dk.flyt.platform.partner;

import dk.flyt.platform.time.Profiles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * Each outside party is reached through a port whose adapter {@code flyt.adapters.<port>} selects: the real one
 * ({@code http}, {@code smtp}) or a simulator ({@code simulated}) that approves, sends and pays nothing real. Any
 * profile but dev and test refuses to start with a simulator selected (the security issue: a production build must
 * not approve every credit check).
 */
@ApplicationScoped
public class SimulatorGuard {
    public static final String PREFIX = "flyt.adapters.";
    public static final String SIMULATED = "simulated";

    void check(@Observes StartupEvent start, Config config) {
        refuseSimulators(config, Profiles.isProduction());
    }

    /** The adapters set to a simulator; throws when {@code production} and there is any. */
    static List<String> refuseSimulators(Config config, boolean production) {
        List<String> simulated = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(n -> n.startsWith(PREFIX))
                .filter(n -> config.getOptionalValue(n, String.class)
                        .map(SIMULATED::equalsIgnoreCase)
                        .orElse(false))
                .sorted()
                .toList();
        if (production && !simulated.isEmpty()) {
            throw new IllegalStateException(String.join(", ", simulated)
                    + " select a simulator; simulators are for the dev and test profiles only: configure the real"
                    + " adapter (docs/adapters.md)");
        }
        return simulated;
    }
}

package dk.flyt.platform.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The security issue: no profile but dev and test starts with a simulator as the active adapter. */
class SimulatorGuardTest {
    private static Config config(Map<String, String> p) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(p, "test", 300))
                .build();
    }

    @Test
    void inProductionEverySimulatedAdapterIsNamedAndTheStartRefused() {
        Config c = config(Map.of(
                "flyt.adapters.credit-bureau", "simulated",
                "flyt.adapters.notifications", "smtp",
                "flyt.adapters.payments", "SIMULATED"));
        assertThatThrownBy(() -> SimulatorGuard.refuseSimulators(c, true))
                .hasMessageContaining("flyt.adapters.credit-bureau, flyt.adapters.payments select a simulator");
    }

    @Test
    void devAndTestMaySimulateAndProductionWithRealAdaptersStarts() {
        Config simulated = config(Map.of("flyt.adapters.credit-bureau", "simulated"));
        assertThat(SimulatorGuard.refuseSimulators(simulated, false)).containsExactly("flyt.adapters.credit-bureau");
        Config real = config(Map.of("flyt.adapters.credit-bureau", "http", "flyt.adapters.payments", "http"));
        assertThat(SimulatorGuard.refuseSimulators(real, true)).isEmpty();
    }
}

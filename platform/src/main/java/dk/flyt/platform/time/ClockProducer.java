package dk.flyt.platform.time;

import dk.flyt.contracts.BusinessTime;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of time. With {@code flyt.clock.controllable=true} (test and dev profiles only) every bean reads
 * the {@link MutableClock}; otherwise the system clock. A production start with a controllable clock is refused.
 */
@ApplicationScoped
public class ClockProducer {
    private final boolean controllable;
    private final Optional<String> start;

    /**
     * @param start where a controllable clock starts (an ISO instant), so that a service restarted in a test or local
     *     run resumes the business time of the others instead of the machine's; the machine's time without it
     */
    public ClockProducer(
            @ConfigProperty(name = "flyt.clock.controllable", defaultValue = "false") boolean controllable,
            @ConfigProperty(name = "flyt.clock.start") Optional<String> start) {
        this.controllable = controllable;
        this.start = start;
    }

    @Produces
    @Singleton
    @Typed(MutableClock.class)
    MutableClock mutableClock() {
        Instant at = start.filter(s -> controllable && !s.isBlank())
                .map(Instant::parse)
                .orElseGet(() -> Clock.systemUTC().instant());
        return new MutableClock(at, BusinessTime.ZONE);
    }

    @Produces
    @Singleton
    Clock clock(MutableClock mutable) {
        return controllable ? mutable : Clock.system(BusinessTime.ZONE);
    }

    void refuseControllableClockInProduction(@Observes StartupEvent event) {
        if (controllable && Profiles.isProduction()) {
            throw new IllegalStateException(
                    "flyt.clock.controllable=true is for the dev and test profiles only; refusing to start");
        }
    }
}

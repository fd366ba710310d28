package dk.flyt.porting;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flyt.hubsim.HubSimulator;
import dk.flyt.platform.time.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** What the porting flow tests share: the business clock at Monday 2 November 2026 09:00, JSON, the hub simulator. */
abstract class PortingFlowTest {
    @Inject
    MutableClock clock;

    @Inject
    ObjectMapper json;

    HubSimulator hub;

    @BeforeEach
    void atTheStartOfAPortingWeek() {
        clock.set(Porting.copenhagen("2026-11-02T09:00"));
        hub = PortingTestHub.get().clock(clock);
    }
}

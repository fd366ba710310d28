package dk.flyt.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.flyt.platform.problem.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The clock control: usable only where the clock is controllable (dev, test), absent (404) everywhere else. */
class ClockResourceTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"), ZoneId.of("Europe/Copenhagen"));

    @Test
    void withoutAControllableClockTheEndpointDoesNotExist() {
        ClockResource production = new ClockResource(clock, false);
        assertThatThrownBy(production::now).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status())
                .isEqualTo(404));
        assertThatThrownBy(() -> production.advance(new ClockResource.AdvanceClock("P1D")))
                .isInstanceOf(ProblemException.class);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void aControllableClockIsSetAndAdvancedAndBadInputNamesTheField() {
        ClockResource dev = new ClockResource(clock, true);
        assertThat(dev.set(new ClockResource.SetClock("2026-12-01T01:00:00Z")).now())
                .isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(dev.advance(new ClockResource.AdvanceClock("PT2H")).now())
                .isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
        assertThatThrownBy(() -> dev.advance(new ClockResource.AdvanceClock("-P1D")))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> dev.set(new ClockResource.SetClock("tomorrow")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(
                                e.toProblem("/x").errors())
                        .extracting("field")
                        .containsExactly("instant"));
    }
}

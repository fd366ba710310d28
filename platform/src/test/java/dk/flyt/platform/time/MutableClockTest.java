package dk.flyt.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.flyt.contracts.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    @Test
    void standsStillUntilMovedAndSharesTimeAcrossZones() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-31T22:30:00Z"), BusinessTime.ZONE);
        assertEquals(Instant.parse("2026-12-31T22:30:00Z"), clock.instant());
        assertEquals(LocalDate.parse("2026-12-31"), BusinessTime.today(clock.withZone(ZoneOffset.UTC)));
        assertEquals(LocalDate.parse("2026-12-31"), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        // 22:30Z is 23:30 in Copenhagen: still the 31st there
        assertEquals(LocalDate.parse("2026-12-31"), BusinessTime.today(clock));
        clock.advance(Duration.ofHours(1));
        assertEquals(LocalDate.parse("2027-01-01"), BusinessTime.today(clock), "00:30 in Copenhagen");
        assertEquals(LocalDate.parse("2026-12-31"), LocalDate.now(clock.withZone(ZoneOffset.UTC)), "23:30Z");
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
}

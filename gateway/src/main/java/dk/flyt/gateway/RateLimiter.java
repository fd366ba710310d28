package dk.flyt.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per caller and route group, in fixed one-minute windows: a caller over the group's limit is
 * told how many seconds until the next window. In memory, per gateway replica.
 */
final class RateLimiter {
    private record Window(long minute, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Counts the request; 0 when it may pass, else the seconds to wait. */
    long admit(String group, String caller, int perMinute) {
        long now = clock.millis();
        long minute = now / 60_000;
        Window w = windows.compute(
                group + "|" + caller,
                (k, old) -> old == null || old.minute() != minute
                        ? new Window(minute, 1)
                        : new Window(minute, old.count() + 1));
        if (windows.size() > 100_000) {
            windows.values().removeIf(old -> old.minute() < minute);
        }
        return w.count() <= perMinute ? 0 : Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    }
}

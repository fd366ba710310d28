package dk.flyt.subscription.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "flyt.subscription")
public interface SubscriptionConfig {
    /** R-ORD-08: how long a telesales order waits for the customer's written acceptance. */
    @WithDefault("P7D")
    Duration acceptanceWindow();

    /** How far back a consent's {@code givenAt} may be when it is recorded (R-ORD-09; our reading, configurable). */
    @WithDefault("P7D")
    Duration consentMaxAge();

    /** How long to wait before asking a silent credit bureau again. */
    @WithDefault("PT10M")
    Duration creditRetryInterval();

    /** After this many unanswered credit checks the order is refused with CREDIT_CHECK_UNAVAILABLE. */
    @WithDefault("6")
    int creditMaxAttempts();

    /** How often due saga timers are looked for (the scheduler reads it as {@code every}). */
    @WithDefault("30s")
    String timersEvery();

    /** Block a customer's lines for debt as soon as billing allows it (R-BILL-05). */
    @WithDefault("true")
    boolean blockOnDebt();
}

package dk.flyt.porting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

@ConfigMapping(prefix = "flyt.porting")
public interface PortingConfig {
    /** Our operator id on the porting hub. */
    @WithDefault("FLYT")
    String operatorId();

    /** R-PORT-08: the time of the porting day (Copenhagen) at which ports execute. */
    @WithDefault("02:00")
    LocalTime executionTime();

    /** How often the porting day run, the delay check and the number sweeps look for due work. */
    @WithDefault("30s")
    Duration schedulerEvery();

    /** R-POUT-01: by default a number leaves when the customer's notice with us ends. */
    @WithDefault("30")
    int portOutNoticeDays();

    /** R-WDR-06: days after the port date in which a new recipient may take a withdrawn number. */
    @WithDefault("14")
    int portOutWindowDays();

    /** Days a number nobody claimed rests before it is returned to its range holder. */
    @WithDefault("180")
    int quarantineDays();

    /**
     * R-PORT-06: the other Danish operators whose networks must route a ported-in number to us before the port is
     * complete; the hub confirms each with ROUTING_CONFIRMED.
     */
    @WithDefault("TDC,TELIA,TELENOR")
    List<String> networks();

    Hub hub();

    interface Hub {
        /** Base URL of the hub's message API; we POST to {@code <url>/messages}. */
        String url();

        /** First pause after a failed send; doubled per attempt up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** A message not yet applicable (out of order) is tried again this many times before it is an error. */
        @WithDefault("50")
        int maxDeferrals();

        @WithDefault("0.5s")
        Duration pollInterval();

        /** A message whose processing fails this many times is parked with an ERROR to its sender. */
        @WithDefault("5")
        int maxAttempts();

        /**
         * A message stamped ({@code sentAt}) more than this before or after our clock is refused: a replay, or a
         * sender whose clock is wrong.
         */
        @WithDefault("15m")
        Duration maxClockSkew();
    }
}

package dk.flyt.porting.config;

import dk.flyt.calendar.CalendarSettings;
import dk.flyt.calendar.PortingCalendar;
import dk.flyt.porting.domain.PortDates;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The calendar readings a deployment may change (R-CAL-03, R-PORT-02). */
@ConfigMapping(prefix = "flyt.calendar")
public interface CalendarConfig {
    @WithDefault("true")
    boolean closingDays();

    @WithDefault("5")
    int asapDelayDays();

    @ApplicationScoped
    class Producer {
        @Produces
        @ApplicationScoped
        PortingCalendar portingCalendar(CalendarConfig config) {
            return new PortingCalendar(new CalendarSettings(config.closingDays(), config.asapDelayDays()));
        }

        @Produces
        @ApplicationScoped
        PortDates portDates(PortingCalendar calendar, PortingConfig porting) {
            return new PortDates(calendar, porting.executionTime());
        }
    }
}

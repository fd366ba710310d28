package dk.flyt.porting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.calendar.CalendarSettings;
import dk.flyt.calendar.PortingCalendar;
import dk.flyt.contracts.hub.HubMessage.Codes;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PortOutDecisionTest {
    private static final PortingCalendar CALENDAR = new PortingCalendar(CalendarSettings.DEFAULTS);
    private static final LocalDate TODAY = LocalDate.parse("2026-11-02");
    private static final String ICCID = "8945010000000000001";

    private static PortOutDecision decide(PortOutDecision.Holding h, String iccid, LocalDate wanted) {
        return PortOutDecision.decide(h, iccid, wanted, TODAY, 30, CALENDAR);
    }

    private static PortOutDecision.Holding active() {
        return new PortOutDecision.Holding(ICCID, NumberStatus.ACTIVE, null, null);
    }

    @Test
    void R_POUT_03_anUnknownNumberIsRejected() {
        assertThat(decide(null, ICCID, null)).isEqualTo(new PortOutDecision.Reject(Codes.UNKNOWN_NUMBER));
    }

    @Test
    void R_POUT_03_aWrongIccidIsRejected() {
        assertThat(decide(active(), "8945010000000000002", null))
                .isEqualTo(new PortOutDecision.Reject(Codes.ICCID_MISMATCH));
    }

    @Test
    void R_POUT_01_byDefaultTheNumberLeavesWhenTheNoticeEnds() {
        assertThat(decide(active(), ICCID, null)).isEqualTo(new PortOutDecision.Accept(LocalDate.parse("2026-12-02")));
    }

    @Test
    void R_POUT_01_aDatedRequestIsHonouredOnAPortingDay() {
        assertThat(decide(active(), ICCID, LocalDate.parse("2026-11-21")))
                .as("a Saturday moves to Monday")
                .isEqualTo(new PortOutDecision.Accept(LocalDate.parse("2026-11-23")));
        assertThat(decide(active(), ICCID, TODAY))
                .as("immediate: the next porting day")
                .isEqualTo(new PortOutDecision.Accept(LocalDate.parse("2026-11-03")));
    }

    @Test
    void R_POUT_04_bindingAndDebtAreNotEvenInputs() {
        // The decision takes no binding end and no balance: it cannot refuse for them.
        assertThat(PortOutDecision.Holding.class.getRecordComponents())
                .extracting(c -> c.getName())
                .containsExactly("iccid", "status", "portableUntil", "windowUntil");
    }

    @Test
    void R_POUT_06_anEndedAgreementsNumberMayLeaveForAMonth() {
        var ended = new PortOutDecision.Holding(ICCID, NumberStatus.ENDED, LocalDate.parse("2026-11-20"), null);
        assertThat(decide(ended, ICCID, null)).isInstanceOf(PortOutDecision.Accept.class);
        var expired = new PortOutDecision.Holding(ICCID, NumberStatus.ENDED, LocalDate.parse("2026-11-01"), null);
        assertThat(decide(expired, ICCID, null)).isEqualTo(new PortOutDecision.Reject(Codes.NUMBER_NOT_ACTIVE));
    }

    @Test
    void R_WDR_06_aWithdrawnNumberMayLeaveOnlyInsideItsWindow() {
        var open = new PortOutDecision.Holding(ICCID, NumberStatus.WINDOW, null, LocalDate.parse("2026-11-10"));
        assertThat(decide(open, ICCID, null)).isInstanceOf(PortOutDecision.Accept.class);
        var closed = new PortOutDecision.Holding(ICCID, NumberStatus.WINDOW, null, LocalDate.parse("2026-11-01"));
        assertThat(decide(closed, ICCID, null)).isEqualTo(new PortOutDecision.Reject(Codes.NUMBER_NOT_ACTIVE));
        var quarantined = new PortOutDecision.Holding(ICCID, NumberStatus.QUARANTINED, null, null);
        assertThat(decide(quarantined, ICCID, null)).isEqualTo(new PortOutDecision.Reject(Codes.NUMBER_NOT_ACTIVE));
    }
}

package dk.flyt.porting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortInStateTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "REQUESTED, SCHEDULED, true",
        "REQUESTED, ANSWER_DELAYED, true",
        "REQUESTED, REJECTED, true",
        "REQUESTED, COMPLETED, false",
        "REQUESTED, REQUESTED, true",
        "EXECUTING, INTERRUPTED, true",
        "INTERRUPTED, DELAYED, true",
        "INTERRUPTED, COMPLETED, true",
        "DELAYED, INTERRUPTED, false",
        "SCHEDULED, INTERRUPTED, false",
        "ANSWER_DELAYED, SCHEDULED, true",
        "SCHEDULED, COMPLETED, true",
        "SCHEDULED, REJECTED, false",
        "REJECTED, REQUESTED, true",
        "REJECTED, SCHEDULED, false",
        "COMPLETED, CANCELLED, false",
        "CANCELLED, REQUESTED, false",
        "FAILED, SCHEDULED, false"
    })
    void onlyTheDrawnTransitionsAreAllowed(PortInState from, PortInState to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void R_PORT_06_onlyAnAcceptedPortCanComplete() {
        for (PortInState s : PortInState.values()) {
            boolean accepted = s == PortInState.SCHEDULED
                    || s == PortInState.EXECUTING
                    || s == PortInState.DELAYED
                    || s == PortInState.INTERRUPTED;
            assertThat(s.canMoveTo(PortInState.COMPLETED)).as(s.name()).isEqualTo(accepted);
        }
    }

    @Test
    void R_PORT_06_R_PORT_07_onlyAnExecutedPortBecomesDelayedOrInterrupted() {
        for (PortInState s : PortInState.values()) {
            assertThat(s.canMoveTo(PortInState.DELAYED))
                    .as(s.name())
                    .isEqualTo(s == PortInState.EXECUTING || s == PortInState.INTERRUPTED);
            assertThat(s.canMoveTo(PortInState.INTERRUPTED)).as(s.name()).isEqualTo(s == PortInState.EXECUTING);
        }
    }

    @Test
    void completedCancelledAndFailedAreFinal() {
        assertThat(PortInState.COMPLETED.isFinal()).isTrue();
        assertThat(PortInState.CANCELLED.isFinal()).isTrue();
        assertThat(PortInState.FAILED.isFinal()).isTrue();
        assertThat(PortInState.REJECTED.isFinal())
                .as("corrected data can be sent again")
                .isFalse();
    }
}

package dk.flyt.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R-DATA-01: a CPR never reaches a log, whoever writes the line. */
class PersonalDataMaskTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Key (cpr)=(010190-1234) already exists.",
                "cpr 0101901234 refused",
                "311299-0001",
                "(150585-4321)"
            })
    void R_DATA_01_cprShapedTextIsMasked(String text) {
        assertThat(PersonalDataMask.containsCpr(text)).isTrue();
        assertThat(PersonalDataMask.mask(text))
                .doesNotContainPattern("\\d{6}-?\\d{4}")
                .contains("######-####");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "order 1e0c2f6a-3b1d-4c1e-9d2a-0f1e2d3c4b5a placed",
                "12345678-1234-4123-8123-123456789012",
                "+4526778752",
                "took 1234 ms at 2026-12-01T02:00:00Z",
                "sum 991390-0001 is not a day",
                "epoch 1796169600"
            })
    void idsNumbersAndTimesAreLeftAlone(String text) {
        assertThat(PersonalDataMask.containsCpr(text)).isFalse();
        assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    }

    @Test
    void R_DATA_01_theFilterMasksMessageParametersAndTheExceptionChain() {
        ExtLogRecord r = new ExtLogRecord(Level.SEVERE, "insert failed for %s", ExtLogRecord.FormatStyle.PRINTF, "x");
        r.setParameters(new Object[] {"010190-1234"});
        r.setThrown(new IllegalStateException(
                "could not execute", new SQLException("ERROR: duplicate key; Detail: Key (cpr)=(010190-1234)")));
        assertThat(new PersonalDataLogFilter().isLoggable(r)).isTrue();
        assertThat(r.getFormattedMessage()).isEqualTo("insert failed for ######-####");
        Throwable t = r.getThrown();
        assertThat(t.toString()).isEqualTo("java.lang.IllegalStateException: could not execute");
        assertThat(t.getCause().toString())
                .isEqualTo("java.sql.SQLException: ERROR: duplicate key; Detail: Key (cpr)=(######-####)");
        assertThat(t.getStackTrace()).isNotEmpty();
    }

    @Test
    void aRecordWithoutPersonalDataIsUntouched() {
        ExtLogRecord r = new ExtLogRecord(Level.INFO, "order %s placed", ExtLogRecord.FormatStyle.PRINTF, "x");
        r.setParameters(new Object[] {"abc"});
        IllegalStateException e = new IllegalStateException("plain");
        r.setThrown(e);
        new PersonalDataLogFilter().isLoggable(r);
        assertThat(r.getFormattedMessage()).isEqualTo("order abc placed");
        assertThat(r.getThrown()).isSameAs(e);
    }
}

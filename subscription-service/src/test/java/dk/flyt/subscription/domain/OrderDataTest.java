package dk.flyt.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** R-ORD-01 and R-PORT-01 data checks of a checkout, before anything is stored or sent to a donor. */
class OrderDataTest {

    @ParameterizedTest(name = "R-ORD-01 CPR {0} -> born {1}")
    @CsvSource({
        "0101900001, 1990-01-01", // 7th digit 0-3: 1900s
        "010105-4001, 2005-01-01", // 4 with year <= 36: 2000s
        "010160-4001, 1960-01-01", // 4 with year > 36: 1900s
        "010110-5001, 2010-01-01", // 5-8 with year <= 57: 2000s
        "010190-5001, 1890-01-01", // 5-8 with year > 57: 1800s
        "010137-9001, 1937-01-01", // 9 with year > 36: 1900s
        "290204-4001, 2004-02-29" // a leap day
    })
    void R_ORD_01_theBirthDateComesFromTheCprNumber(String cpr, LocalDate born) {
        assertThat(Cpr.parse(cpr)).map(Cpr::birthDate).contains(born);
    }

    @ParameterizedTest(name = "R-ORD-01 not a CPR number: {0}")
    @ValueSource(strings = {"310290-1234", "290205-4001", "12345", "abcdefghij", "0101901-234", ""})
    void R_ORD_01_whatIsNoCprNumberIsRefused(String text) {
        assertThat(Cpr.parse(text)).isEmpty();
    }

    @Test
    void R_ORD_01_theCustomerMustBe18OnTheDayOfTheOrder() {
        Cpr cpr = Cpr.parse("221108-4001").orElseThrow();
        assertThat(cpr.isAdultOn(LocalDate.parse("2026-11-22"))).isTrue();
        assertThat(cpr.isAdultOn(LocalDate.parse("2026-11-21"))).isFalse();
    }

    @Test
    void R_DATA_01_aCprNumberShowsMaskedUnlessRevealed() {
        Cpr cpr = Cpr.parse("0101901234").orElseThrow();
        assertThat(cpr.masked()).isEqualTo("010190-XXXX");
        assertThat(cpr.toString()).as("a slip into a log stays masked").isEqualTo("010190-XXXX");
        assertThat(cpr.reveal()).isEqualTo("010190-1234");
    }

    @ParameterizedTest(name = "R-PORT-01 ICCID {0}: {1}")
    @CsvSource({
        "8945011234567890124, true", // 19 digits, check digit right
        "89450112345678901237, true", // 20 digits
        "8945011234567890125, false", // check digit wrong
        "7945011234567890124, false", // not a telecom ICCID
        "894501123, false",
        "894501123456789012a, false"
    })
    void R_PORT_01_theDonorIccidHasTheRightFormAndCheckDigit(String iccid, boolean valid) {
        assertThat(Iccid.isValid(iccid)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "R-ORD-03 {0} -> {1}")
    @CsvSource({
        "20 12 34 56, +4520123456",
        "+45 20123456, +4520123456",
        "004520123456, +4520123456",
        "+4531123456, +4531123456"
    })
    void R_ORD_03_aDanishMobileNumberIsNormalisedToE164(String text, String e164) {
        assertThat(DanishMobileNumber.normalise(text)).contains(e164);
    }

    @ParameterizedTest(name = "R-ORD-03 not a Danish mobile number: {0}")
    @ValueSource(strings = {"80 12 34 56", "90 12 34 56", "+46 70 123 45 67", "1234", "not a number"})
    void R_ORD_03_otherNumbersCannotBePortedIn(String text) {
        assertThat(DanishMobileNumber.normalise(text)).isEmpty();
    }
}

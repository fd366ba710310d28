package dk.flyt.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the console writes amounts and times for Danish agents. */
class CustomerPageTest {
    @Test
    void amountsInOreAreKronerWithADecimalComma() {
        assertThat(CustomerPage.kroner(-25548)).isEqualTo("-255,48 kr");
        assertThat(CustomerPage.kroner(9900)).isEqualTo("99,00 kr");
        assertThat(CustomerPage.kroner(5)).isEqualTo("0,05 kr");
        assertThat(CustomerPage.kroner(-5)).isEqualTo("-0,05 kr");
        assertThat(CustomerPage.kroner(0)).isEqualTo("0,00 kr");
    }

    @Test
    void timesAreCopenhagenTimeOnBothSidesOfTheDstChange() {
        assertThat(CustomerPage.local("2026-12-06T11:29:22.060900Z")).isEqualTo("06-12-2026 12:29:22");
        assertThat(CustomerPage.local("2026-07-01T10:00:00Z")).isEqualTo("01-07-2026 12:00:00");
        assertThat(CustomerPage.local("2026-03-29T00:59:59Z")).isEqualTo("29-03-2026 01:59:59");
        assertThat(CustomerPage.local("2026-03-29T01:00:00Z")).isEqualTo("29-03-2026 03:00:00");
        assertThat(CustomerPage.local("not a time")).isEqualTo("not a time");
    }
}

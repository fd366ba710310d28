package dk.flyt.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's one search box, parsed once into what the agent typed. */
class CustomerQueryTest {
    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource({
        "150585-1234, CPR, 150585-XXXX",
        "1505851234, CPR, 150585-XXXX",
        "26 12 34 56, NUMBER, +4526123456",
        "+45 26123456, NUMBER, +4526123456",
        "004526123456, NUMBER, +4526123456",
        "Karen.Jensen@Example.DK, EMAIL, karen.jensen@example.dk",
        "407846ab-1b2c-4d5e-8f90-123456789abc, ID, 407846ab-1b2c-4d5e-8f90-123456789abc",
        "c-1, ID, c-1"
    })
    void R_DATA_01_whatTheAgentTypedIsParsedOnceIntoItsKind(String text, CustomerQuery.Kind kind, String value) {
        CustomerQuery q = CustomerQuery.parse(text).orElseThrow();
        assertThat(q.kind()).isEqualTo(kind);
        String parsed =
                switch (q) {
                    case CustomerQuery.ByCpr c -> c.cpr().masked();
                    case CustomerQuery.ByNumber n -> n.e164();
                    case CustomerQuery.ByEmail e -> e.address();
                    case CustomerQuery.ById i -> i.id();
                };
        assertThat(parsed).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "karen@", "a b c", "<script>", "32.01.85", "'; drop table customer; --"})
    void textThatIsNoneOfThemIsRefused(String text) {
        assertThat(CustomerQuery.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void R_DATA_01_aCprQueryNeverPrintsTheWholeNumber() {
        assertThat(CustomerQuery.parse("150585-1234").orElseThrow().toString())
                .doesNotContain("1234")
                .contains("150585-XXXX");
    }
}

package dk.flyt.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An action form read into what the services take: text, kroner as øre, Copenhagen times as instants. */
class ActionFormTest {
    private static ActionForm form(String... pairs) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.add(pairs[i], pairs[i + 1]);
        }
        return new ActionForm(values);
    }

    @ParameterizedTest(name = "{0} kr is {1} øre")
    @CsvSource(
            delimiter = ';',
            value = {"125,50;12550", "1.234,50;123450", "1234.5;123450", "0;0", "49 kr;4900", "7;700"})
    void kronerAsADaneTypesThemAreOre(String typed, long ore) {
        assertThat(form("amount", typed).ore("amount")).isEqualTo(ore);
    }

    @ParameterizedTest(name = "\"{0}\" is not an amount")
    @CsvSource(
            delimiter = ';',
            value = {"abc", "-5", "1,234", "12,5,0", "99999999999"})
    void whatIsNotAnAmountIsRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> form("credit", typed).ore("credit"))
                .isInstanceOfSatisfying(
                        ActionForm.Unreadable.class, e -> assertThat(e.field).isEqualTo("credit"));
    }

    @Test
    void blankIsAbsentSoTheServiceTakesItsDefault() {
        ActionForm f = form("amount", " ", "faultFixedAt", "", "number", "  ");
        assertThat(f.ore("amount")).isNull();
        assertThat(f.instant("faultFixedAt")).isNull();
        assertThat(f.text("number")).isNull();
        assertThat(f.date("endOn")).isNull();
    }

    @Test
    void aLocalTimeIsCopenhagenTimeWinterAndSummer() {
        assertThat(form("t", "2026-12-14T02:00").instant("t")).isEqualTo("2026-12-14T01:00:00Z");
        assertThat(form("t", "2027-06-14T02:00").instant("t")).isEqualTo("2027-06-14T00:00:00Z");
        assertThatThrownBy(() -> form("t", "14-12-2026").instant("t")).isInstanceOf(ActionForm.Unreadable.class);
        assertThatThrownBy(() -> form("d", "2026-13-01").date("d")).isInstanceOf(ActionForm.Unreadable.class);
    }

    @Test
    void aHiddenIdMissingMeansTheFormDidNotComeFromThePage() {
        assertThatThrownBy(() -> form().id("orderId"))
                .isInstanceOfSatisfying(
                        ActionForm.Unreadable.class, e -> assertThat(e.field).isEqualTo("orderId"));
        assertThat(form("orderId", " o-1 ").id("orderId")).isEqualTo("o-1");
    }

    @Test
    void theEchoLeavesOutTheCsrfTokenAndJoinsRepeatedFields() {
        assertThat(form("csrf-token", "secret", "lineIds", "a", "lineIds", "b", "reason", "x")
                        .echo())
                .containsOnly(Map.entry("lineIds", "a,b"), Map.entry("reason", "x"));
        assertThat(form("lineIds", "a", "lineIds", " ").all("lineIds")).containsExactly("a");
    }

    @Test
    void eachActionIsFoundByItsSlugAndNothingElse() {
        for (ConsoleAction a : ConsoleAction.values()) {
            assertThat(ConsoleAction.bySlug(a.slug())).contains(a);
        }
        assertThat(ConsoleAction.bySlug("BLOCK")).isEmpty();
        assertThat(ConsoleAction.bySlug(null)).isEqualTo(Optional.empty());
    }

    @Test
    void theContactCookieNamesOneCustomersContactOnly() {
        UUID contact = UUID.randomUUID();
        String value = ContactCookie.of("cust-1", contact).getValue();
        assertThat(ContactCookie.contactFor(value, "cust-1")).contains(contact);
        assertThat(ContactCookie.contactFor(value, "cust-2")).isEmpty();
        assertThat(ContactCookie.contactFor(value, "cust")).isEmpty();
        assertThat(ContactCookie.contactFor("cust-1:not-a-uuid", "cust-1")).isEmpty();
        assertThat(ContactCookie.contactFor(null, "cust-1")).isEmpty();
        assertThat(ContactCookie.of("cust-1", contact).isHttpOnly()).isTrue();
        assertThat(ContactCookie.clear().getMaxAge()).isZero();
    }
}

package dk.flyt.subscription.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an agent typed in the console's one search box, parsed once into what it is: a CPR number, a Danish mobile
 * number, an e-mail address, or an id (a customer's or an order's). A CPR number is personal data (R-DATA-01): it is
 * searched for, never shown or put in a URL.
 */
public sealed interface CustomerQuery {
    /** What the query was; the audit records this, never the query itself. */
    enum Kind {
        CPR,
        NUMBER,
        EMAIL,
        ID
    }

    Kind kind();

    record ByCpr(Cpr cpr) implements CustomerQuery {
        @Override
        public Kind kind() {
            return Kind.CPR;
        }

        @Override
        public String toString() {
            return "ByCpr[" + cpr.masked() + "]";
        }
    }

    /** {@code e164}: {@code +4520123456}. */
    record ByNumber(String e164) implements CustomerQuery {
        @Override
        public Kind kind() {
            return Kind.NUMBER;
        }
    }

    /** {@code address} in lower case: e-mail addresses are compared without case. */
    record ByEmail(String address) implements CustomerQuery {
        @Override
        public Kind kind() {
            return Kind.EMAIL;
        }
    }

    record ById(String id) implements CustomerQuery {
        @Override
        public Kind kind() {
            return Kind.ID;
        }
    }

    Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** Empty when the text is none of them. */
    static Optional<CustomerQuery> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        Optional<Cpr> cpr = Cpr.parse(t);
        if (cpr.isPresent()) {
            return Optional.of(new ByCpr(cpr.get()));
        }
        if (t.indexOf('@') >= 0) {
            return EMAIL.matcher(t).matches() ? Optional.of(new ByEmail(t.toLowerCase(Locale.ROOT))) : Optional.empty();
        }
        Optional<String> number = DanishMobileNumber.normalise(t);
        if (number.isPresent()) {
            return Optional.of(new ByNumber(number.get()));
        }
        return ID.matcher(t).matches() ? Optional.of(new ById(t)) : Optional.empty();
    }
}

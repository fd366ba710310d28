package dk.flyt.subscription.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address in the form a mail server accepts for delivery (local part, @, a domain with a dot). */
public final class Email {
    private static final Pattern FORM =
            Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    public static boolean isValid(String text) {
        return text != null && text.length() <= 254 && FORM.matcher(text).matches() && !text.contains("..");
    }

    /** Two addresses are the same mailbox regardless of case (R-SUB-09 compares them). */
    public static boolean sameMailbox(String a, String b) {
        return a != null
                && b != null
                && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    private Email() {}
}

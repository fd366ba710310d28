package dk.flyt.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything shaped like a CPR number (DDMMYY-SSSS or DDMMYYSSSS with a real day and month) in a text. The
 * services never put a CPR in a log line, an event or an error text on purpose; this is the second line of defence
 * for what a library writes (a database error's detail, say), R-DATA-01.
 */
public final class PersonalDataMask {
    /** Day 01-31, month 01-12, two-digit year, an optional dash, four digits; not inside a longer number or word. */
    public static final Pattern CPR_SHAPED = Pattern.compile(
            "(?<![\\p{Alnum}-])(0[1-9]|[12]\\d|3[01])(0[1-9]|1[0-2])(\\d{2})-?(\\d{4})(?![\\p{Alnum}])");

    public static final String MASK = "######-####";

    private PersonalDataMask() {}

    public static boolean containsCpr(CharSequence text) {
        return text != null && CPR_SHAPED.matcher(text).find();
    }

    /** The text with every CPR-shaped part replaced by {@link #MASK}; the same text when there is none. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = CPR_SHAPED.matcher(text);
        if (!m.find()) {
            return text;
        }
        return m.replaceAll(MASK);
    }
}

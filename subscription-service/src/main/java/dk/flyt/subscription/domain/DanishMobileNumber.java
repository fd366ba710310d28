package dk.flyt.subscription.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * A Danish mobile number, as Google's libphonenumber knows the Danish numbering plan (R-ORD-03: only a Danish
 * mobile number can be ported in). Accepts {@code 20 12 34 56}, {@code +45 20123456}, {@code 004520123456};
 * normalised to E.164 ({@code +4520123456}).
 */
public final class DanishMobileNumber {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public static Optional<String> normalise(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber n = PHONES.parse(text, "DK");
            boolean danish = n.getCountryCode() == 45 && PHONES.isValidNumberForRegion(n, "DK");
            PhoneNumberType type = PHONES.getNumberType(n);
            boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return danish && mobile ? Optional.of(PHONES.format(n, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private DanishMobileNumber() {}
}

package dk.flyt.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * A log filter that never drops a record but masks CPR-shaped text in its message, its parameters and its
 * exception chain before any handler formats it. Configured on every handler as {@code flyt-personal-data}.
 */
@LoggingFilter(name = "flyt-personal-data")
public final class PersonalDataLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (PersonalDataMask.containsCpr(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(PersonalDataMask.mask(formatted), ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(PersonalDataMask.mask(formatted));
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && mentionsCpr(thrown)) {
            record.setThrown(MaskedThrowable.of(thrown));
        }
        return true;
    }

    private static boolean mentionsCpr(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (PersonalDataMask.containsCpr(x.getMessage()) || PersonalDataMask.containsCpr(x.toString())) {
                return true;
            }
        }
        return false;
    }

    /** A stand-in for a throwable whose message named a CPR: the same class name, stack and causes, masked. */
    static final class MaskedThrowable extends RuntimeException {
        private final String className;

        private MaskedThrowable(String className, String message, Throwable cause) {
            super(message, cause, false, true);
            this.className = className;
        }

        static Throwable of(Throwable t) {
            return of(t, 0);
        }

        private static Throwable of(Throwable t, int depth) {
            Throwable cause =
                    t.getCause() != null && t.getCause() != t && depth < 20 ? of(t.getCause(), depth + 1) : null;
            MaskedThrowable m =
                    new MaskedThrowable(t.getClass().getName(), PersonalDataMask.mask(t.getMessage()), cause);
            m.setStackTrace(t.getStackTrace());
            return m;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return message == null ? className : className + ": " + message;
        }
    }
}

package dk.flyt.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamptz} column as the JDBC driver hands it over, as an instant. */
final class SqlTime {
    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    private SqlTime() {}
}

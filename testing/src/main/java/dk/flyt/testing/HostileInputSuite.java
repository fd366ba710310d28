package dk.flyt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite over every endpoint of a service, generated from its OpenAPI document ({@link
 * HostileInput}): a clean 4xx problem for each, never a 5xx, and nothing stored or published (the security issue,
 * input limits). Each service's {@code HostileInputTest} extends it and hands over its database.
 */
public abstract class HostileInputSuite {
    /** The service's own database, whose rows must not change. */
    protected abstract DataSource dataSource();

    @Test
    void everyHostileRequestGetsACleanProblemAndChangesNothing() {
        HostileInput.Outcome outcome = HostileInput.verify(() -> HostileInput.rowCounts(dataSource()));
        System.out.println("hostile requests sent: " + outcome.requests());
        assertThat(outcome.requests()).isGreaterThanOrEqualTo(100);
    }
}

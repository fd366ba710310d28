package dk.flyt.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dk.flyt.testing.FlytTestResource;
import dk.flyt.testing.HostileInput;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite over every endpoint of the service, generated from its OpenAPI document: a clean 4xx
 * problem for each, never a 5xx, and nothing stored or published (the security issue, input limits).
 */
@QuarkusTest
@WithTestResource(FlytTestResource.class)
class HostileInputTest {
    @Inject
    DataSource dataSource;

    @Test
    void everyHostileRequestGetsACleanProblemAndChangesNothing() {
        HostileInput.Outcome outcome = HostileInput.verify(() -> HostileInput.rowCounts(dataSource));
        System.out.println("hostile requests sent: " + outcome.requests());
        assertThat(outcome.requests()).isGreaterThanOrEqualTo(100);
    }
}
